/** Injection token of the resolved {@link ServiceUrls}. */
export const SERVICE_URLS = Symbol('SERVICE_URLS');
/** Injection token of the parsed gateway configuration. */
export const GATEWAY_CONFIG = Symbol('GATEWAY_CONFIG');
