/** Injection token of the worker's data converter (the payload codec), for the Temporal clients its activities make. */
export const WORKER_DATA_CONVERTER = Symbol('WORKER_DATA_CONVERTER');
