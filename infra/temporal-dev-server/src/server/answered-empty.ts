import type { Msg } from '../proto/proto';
import type { Handler } from './grpc-server';

/** The handler of an RPC whose answer carries nothing (`answer`, `{}` by default) once `call` is done. */
export function answeredEmpty(call: (request: Msg) => unknown, answer: Msg = {}): Handler {
  return async (request) => {
    await call(request);
    return { ...answer };
  };
}
