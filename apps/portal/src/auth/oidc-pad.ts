/** The SPA route the identity provider sends the browser back to; register `<origin>/inloggen/terug` as redirect URI. */
export const OIDC_TERUG_PAD = '/inloggen/terug';
