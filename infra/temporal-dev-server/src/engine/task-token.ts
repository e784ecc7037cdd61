import { RpcError } from './errors';

/** Task token contents (opaque to SDKs): a workflow task, an activity attempt or a query task. */
export type TaskToken =
  { k: 'w'; ns: string; r: string; t: number } | { k: 'a'; ns: string; r: string; s: number; t: number } | { k: 'q'; ns: string; q: string };

/** The bytes handed to a worker. */
export function encodeToken(token: TaskToken): Buffer {
  return Buffer.from(JSON.stringify(token));
}

/** A token a worker sent back. */
export function decodeToken(bytes: Buffer | undefined): TaskToken {
  try {
    return JSON.parse(Buffer.from(bytes ?? []).toString('utf8')) as TaskToken;
  } catch {
    throw new RpcError('INVALID_ARGUMENT', 'Invalid task token.');
  }
}

/** A token of the given kind, or INVALID_ARGUMENT naming what was expected. */
export function decodeTokenOf<K extends TaskToken['k']>(bytes: Buffer | undefined, kind: K, what: string): TaskToken & { k: K } {
  const token = decodeToken(bytes);
  if (token.k !== kind) throw new RpcError('INVALID_ARGUMENT', `Not ${what} token.`);
  return token as TaskToken & { k: K };
}
