/** Who a demo token is for: a professional of a demo organisation, or a demo deelnemer. */
export type DevTokenVoor = { readonly organisatie: string; readonly rol: string } | { readonly deelnemer: string };

/**
 * Demo tokens from the embedded gateway's `POST /auth/dev-token`, each fetched once per person.
 * `gatewayUrl` is read at the first request (the stack starts in the suite's `beforeAll`).
 */
export function devTokens(gatewayUrl: () => string): (voor: DevTokenVoor) => Promise<string> {
  const tokens = new Map<string, Promise<string>>();
  return (voor) => {
    const body = 'deelnemer' in voor ? { rol: 'deelnemer', deelnemer: voor.deelnemer } : { organisatie: voor.organisatie, rol: voor.rol };
    const key = JSON.stringify(body);
    let token = tokens.get(key);
    if (!token) {
      token = (async () => {
        const response = await fetch(`${gatewayUrl()}/auth/dev-token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: key });
        if (response.status !== 200) throw new Error(`POST /auth/dev-token for ${key} answered ${response.status}`);
        return ((await response.json()) as { token: string }).token;
      })();
      tokens.set(key, token);
    }
    return token;
  };
}
