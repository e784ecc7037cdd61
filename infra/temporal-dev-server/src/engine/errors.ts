import type { Msg } from '../proto/proto';

/** A request the engine rejects; mapped to a gRPC status by the server layer. */
export class RpcError extends Error {
  constructor(
    readonly code: 'NOT_FOUND' | 'INVALID_ARGUMENT' | 'ALREADY_EXISTS' | 'FAILED_PRECONDITION' | 'UNIMPLEMENTED',
    message: string,
    readonly details?: { typeName: string; body: Msg },
  ) {
    super(message);
    this.name = 'RpcError';
  }
}

/** gRPC status code numbers of the {@link RpcError} codes. */
export const GRPC_CODES: Record<RpcError['code'], number> = { NOT_FOUND: 5, INVALID_ARGUMENT: 3, ALREADY_EXISTS: 6, FAILED_PRECONDITION: 9, UNIMPLEMENTED: 12 };
