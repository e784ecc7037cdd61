/**
 * Who is signed in. The token lives in sessionStorage only: it is gone when the tab closes and
 * never shared with other tabs. The claims are read for display and for filling in the caller's
 * own organisation; the services decide access from the verified token, never from the portal.
 */
export interface Sessie {
  readonly token: string;
  readonly sub: string;
  readonly organisatie: string;
  readonly organisatieType?: string;
  readonly rol: string;
  /** Display name of the organisation, when known. */
  readonly organisatieNaam?: string;
  /** How the person signed in; `oidc` sessions end at the provider too. */
  readonly wijze: 'demo' | 'oidc';
  /** The OIDC id token, for ending the session at the provider. */
  readonly idToken?: string;
  /** Token expiry (seconds since the epoch), when the token says. */
  readonly verloopt?: number;
}

const SLEUTEL = 'ketenregie.sessie';

/** The claims of a JWT's payload (not verified: the services verify every request). */
export function claimsVan(token: string): Record<string, unknown> {
  const deel = token.split('.')[1];
  if (!deel) throw new Error('Geen geldig token');
  const base64 = deel
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .padEnd(Math.ceil(deel.length / 4) * 4, '=');
  const json = new TextDecoder().decode(Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)));
  return JSON.parse(json) as Record<string, unknown>;
}

/** A session from an API access token and how it was obtained. */
export function sessieUitToken(token: string, wijze: Sessie['wijze'], extra: Pick<Sessie, 'organisatieNaam' | 'idToken'> = {}): Sessie {
  const claims = claimsVan(token);
  const tekst = (naam: string) => (typeof claims[naam] === 'string' ? (claims[naam] as string) : '');
  if (!tekst('sub') || !tekst('organisatie') || !tekst('rol')) throw new Error('Het token mist de gegevens organisatie en rol');
  return {
    token,
    sub: tekst('sub'),
    organisatie: tekst('organisatie'),
    organisatieType: tekst('organisatieType') || undefined,
    rol: tekst('rol'),
    wijze,
    verloopt: typeof claims['exp'] === 'number' ? claims['exp'] : undefined,
    ...extra,
  };
}

export function leesSessie(): Sessie | undefined {
  const opgeslagen = sessionStorage.getItem(SLEUTEL);
  if (!opgeslagen) return undefined;
  try {
    const sessie = JSON.parse(opgeslagen) as Sessie;
    if (sessie.verloopt && sessie.verloopt * 1000 < Date.now()) {
      sessionStorage.removeItem(SLEUTEL);
      return undefined;
    }
    return sessie;
  } catch {
    sessionStorage.removeItem(SLEUTEL);
    return undefined;
  }
}

export function bewaarSessie(sessie: Sessie): void {
  sessionStorage.setItem(SLEUTEL, JSON.stringify(sessie));
}

export function wisSessie(): void {
  sessionStorage.removeItem(SLEUTEL);
}
