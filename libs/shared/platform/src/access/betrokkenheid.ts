import { BETROKKENHEDEN, TRAJECT_BETROKKENHEDEN } from '@ketenregie/shared-access-policy';
import type { Betrokkenheid } from '@ketenregie/shared-access-policy';
import type { Identity } from '@ketenregie/shared-kernel';
import type { ServiceIdentity } from '../auth/service-identity';
import { LRUCache } from 'lru-cache';
import { z } from 'zod';
import { callService, unavailable } from '../http/service-call';

/** traject-service cannot answer, so access cannot be decided (503). */
const onbereikbaar = unavailable(
  'TOEGANG.BETROKKENHEID_ONBEREIKBAAR',
  'The traject context cannot say how your organisation is involved with this deelnemer, so access cannot be decided. Try again later.',
);

/** Path (under traject-service) of an organisation's involvement with a deelnemer. */
export const betrokkenheidPad = (deelnemerId: string): string => `/api/v1/deelnemers/${encodeURIComponent(deelnemerId)}/betrokkenheid`;

/**
 * `GET /api/v1/deelnemers/{id}/betrokkenheid`: the involvements the caller's organisation holds
 * now with the deelnemer, from the traject context's own data (empty when none, or when there
 * is no such deelnemer: the answer does not tell which).
 */
export const betrokkenheidAntwoordSchema = z.object({
  deelnemerId: z.string(),
  organisatie: z.string(),
  betrokkenheid: z.array(z.enum(BETROKKENHEDEN).refine((b) => TRAJECT_BETROKKENHEDEN.includes(b))),
});
/** Body of {@link betrokkenheidAntwoordSchema}. */
export type BetrokkenheidAntwoord = z.infer<typeof betrokkenheidAntwoordSchema>;

/** Path (under traject-service) of a traject's deelnemer and the caller organisation's involvement in it. */
export const trajectBetrokkenheidPad = (trajectId: string): string => `/api/v1/trajecten/${encodeURIComponent(trajectId)}/betrokkenheid`;

/**
 * `GET /api/v1/trajecten/{id}/betrokkenheid`: 404 for an organisation that is not involved. `regie`
 * is the traject's lead now (the regievoerder a handover escalates to), which the involved
 * organisation also reads in the traject's overview.
 */
export const trajectBetrokkenheidSchema = betrokkenheidAntwoordSchema.extend({
  trajectId: z.string(),
  regie: z.object({ regievoerderId: z.string(), organisatieId: z.string() }).optional(),
});

/** A traject's deelnemer, the caller organisation's involvements in it, and its lead now (when the traject context knows it). */
export interface TrajectFeiten {
  readonly deelnemerId: string;
  readonly betrokkenheid: readonly Betrokkenheid[];
  readonly regie?: { readonly regievoerderId: string; readonly organisatieId: string };
}

/** Path (under traject-service) where exchange-service records a referral's receiver as `ontvanger`. */
export const ontvangerPad = (deelnemerId: string): string => `/api/v1/deelnemers/${encodeURIComponent(deelnemerId)}/ontvangers`;

/** Body of `POST /api/v1/deelnemers/{id}/ontvangers`: the receiving organisation (a registry id). */
export const ontvangerVastleggenSchema = z.object({ organisatie: z.string().min(1).max(100) }).strict();
/** Body of {@link ontvangerVastleggenSchema}. */
export type OntvangerVastleggen = z.infer<typeof ontvangerVastleggenSchema>;

/** Writes a referral's receiver into the traject context's involvement (service token only). */
export interface OntvangerPoort {
  /**
   * Records `organisatie` as `ontvanger` of the deelnemer, effective now, with the service's own
   * token acting for `namens` (the sender, who must hold the lead or the coach organisation).
   * @throws DomainError `TOEGANG.BETROKKENHEID_ONBEREIKBAAR` (503) when traject-service does not record it.
   */
  legOntvangerVast(deelnemerId: string, organisatie: string, namens: Identity): Promise<void>;
  /**
   * Ends `organisatie`'s `ontvanger` involvement with the deelnemer now (its referral ended), with
   * the service's own token acting for `namens`. Idempotent.
   * @throws DomainError `TOEGANG.BETROKKENHEID_ONBEREIKBAAR` (503) when traject-service does not record it.
   */
  beeindigOntvanger(deelnemerId: string, organisatie: string, namens: Identity): Promise<void>;
}

/** Injection token of the {@link OntvangerPoort}. */
export const ONTVANGER_POORT = Symbol('ONTVANGER_POORT');

/** {@link OntvangerPoort} over traject-service's API, with the calling service's own identity. */
export class HttpOntvanger implements OntvangerPoort {
  constructor(
    private readonly trajectServiceUrl: string,
    private readonly identiteit: ServiceIdentity,
    private readonly timeoutMs = 5_000,
  ) {}

  async legOntvangerVast(deelnemerId: string, organisatie: string, namens: Identity): Promise<void> {
    const bearer = await this.identiteit.token(namens).catch((cause: unknown) => {
      throw onbereikbaar(cause);
    });
    const json: OntvangerVastleggen = { organisatie };
    const res = await callService(`${this.trajectServiceUrl}${ontvangerPad(deelnemerId)}`, {
      bearer,
      json,
      timeoutMs: this.timeoutMs,
      unreachable: onbereikbaar,
    });
    if (!res.ok) throw onbereikbaar(new Error(`HTTP ${res.status}`));
  }

  async beeindigOntvanger(deelnemerId: string, organisatie: string, namens: Identity): Promise<void> {
    const bearer = await this.identiteit.token(namens).catch((cause: unknown) => {
      throw onbereikbaar(cause);
    });
    const res = await callService(`${this.trajectServiceUrl}${ontvangerPad(deelnemerId)}/${encodeURIComponent(organisatie)}`, {
      method: 'DELETE',
      bearer,
      timeoutMs: this.timeoutMs,
      unreachable: onbereikbaar,
    });
    if (!res.ok) throw onbereikbaar(new Error(`HTTP ${res.status}`));
  }
}

/** The traject context's involvement facts, as another context reads them. */
export interface BetrokkenheidPoort {
  /**
   * The deelnemer of a traject and the involvements of `bearer`'s organisation in it; undefined
   * when that organisation is not involved (or there is no such traject).
   * @throws DomainError `TOEGANG.BETROKKENHEID_ONBEREIKBAAR` (503) when traject-service cannot answer.
   */
  inTraject(trajectId: string, bearer: string | undefined): Promise<TrajectFeiten | undefined>;
  /**
   * The involvements the organisation named by `bearer`'s token holds now with the deelnemer.
   * @throws DomainError `TOEGANG.BETROKKENHEID_ONBEREIKBAAR` (503) when traject-service cannot answer.
   */
  bijDeelnemer(deelnemerId: string, bearer: string | undefined): Promise<readonly Betrokkenheid[]>;
}

/** Injection token of the {@link BetrokkenheidPoort}. */
export const BETROKKENHEID_POORT = Symbol('BETROKKENHEID_POORT');

/**
 * {@link BetrokkenheidPoort} over traject-service's API, with the caller's own token (a
 * professional's, or the worker's service token acting for one): the traject context answers
 * for that organisation only, so nobody learns another organisation's involvement.
 */
export class HttpBetrokkenheid implements BetrokkenheidPoort {
  constructor(
    private readonly trajectServiceUrl: string,
    private readonly timeoutMs = 5_000,
  ) {}

  async bijDeelnemer(deelnemerId: string, bearer: string | undefined): Promise<readonly Betrokkenheid[]> {
    const body = await this.lees(betrokkenheidPad(deelnemerId), bearer);
    return body === undefined ? [] : betrokkenheidAntwoordSchema.parse(body).betrokkenheid;
  }

  async inTraject(trajectId: string, bearer: string | undefined): Promise<TrajectFeiten | undefined> {
    const body = await this.lees(trajectBetrokkenheidPad(trajectId), bearer);
    if (body === undefined) return undefined;
    const { deelnemerId, betrokkenheid, regie } = trajectBetrokkenheidSchema.parse(body);
    return { deelnemerId, betrokkenheid, ...(regie ? { regie } : {}) };
  }

  /** The JSON answer, or undefined when traject-service says the caller may not know (403, 404, 400). */
  private async lees(pad: string, bearer: string | undefined): Promise<unknown> {
    if (!bearer) return undefined;
    const res = await callService(`${this.trajectServiceUrl}${pad}`, { bearer, timeoutMs: this.timeoutMs, unreachable: onbereikbaar });
    if (res.status === 400 || res.status === 403 || res.status === 404) return undefined;
    if (!res.ok) throw onbereikbaar(new Error(`HTTP ${res.status}`));
    return res.json();
  }
}

/** An involvement answer as {@link GecachteBetrokkenheid} remembers it. */
interface Onthouden {
  readonly betrokkenheid: readonly Betrokkenheid[];
  /** From this moment (`performance.now()`) a use of the answer asks the traject context again in the background. */
  readonly verversVanaf: number;
}

/**
 * A {@link BetrokkenheidPoort} that remembers, for `ttlMs`, the involvements another poort
 * answered with for one caller's token and one deelnemer, so a burst of decisions about the
 * same deelnemer asks the traject context once (concurrent asks share one request).
 *
 * When it is stale: only an involvement that exists is remembered. A new involvement (a traject
 * started, a lead handed over to this organisation) counts at once; one that ends counts at most
 * `ttlMs` later, as a token stays valid until it expires. The key is the caller's own token, so
 * an answer is never reused for another caller or organisation. `inTraject` is remembered the
 * same way (per caller token and traject, only when the caller's organisation is involved; a
 * traject's deelnemer never changes).
 *
 * Refresh ahead: an answer used after 70–90 % of `ttlMs` (spread, so answers remembered together
 * are not asked again together) is asked again in the background while the caller gets the
 * remembered one, which is still younger than `ttlMs`. The new answer replaces it, or removes it
 * when the involvement has ended. So an involvement in use is re-checked before it expires and
 * no request waits for the traject context, and no answer is ever used longer than `ttlMs`
 * after the traject context gave it: the bound above holds as before.
 */
export class GecachteBetrokkenheid implements BetrokkenheidPoort {
  private readonly bijDeelnemers: LRUCache<string, Onthouden, { readonly deelnemerId: string; readonly bearer: string }>;
  private readonly inTrajecten: LRUCache<string, TrajectFeiten>;
  /** Keys whose background refresh is under way. */
  private readonly verversend = new Set<string>();

  constructor(
    private readonly bron: BetrokkenheidPoort,
    readonly ttlMs: number,
    max = 10_000,
  ) {
    this.bijDeelnemers = new LRUCache({
      max,
      ttl: ttlMs,
      fetchMethod: async (_sleutel, _oud, { context }) => this.onthoud(await this.bron.bijDeelnemer(context.deelnemerId, context.bearer)),
    });
    this.inTrajecten = new LRUCache({ max, ttl: ttlMs });
  }

  async bijDeelnemer(deelnemerId: string, bearer: string | undefined): Promise<readonly Betrokkenheid[]> {
    if (!bearer) return this.bron.bijDeelnemer(deelnemerId, bearer);
    const sleutel = `${deelnemerId} ${bearer}`;
    const bekend = this.bijDeelnemers.get(sleutel);
    if (bekend) {
      if (performance.now() >= bekend.verversVanaf) this.ververs(sleutel, deelnemerId, bearer);
      return bekend.betrokkenheid;
    }
    return (await this.bijDeelnemers.fetch(sleutel, { context: { deelnemerId, bearer } }))?.betrokkenheid ?? [];
  }

  async inTraject(trajectId: string, bearer: string | undefined): Promise<TrajectFeiten | undefined> {
    if (!bearer) return this.bron.inTraject(trajectId, bearer);
    const sleutel = `${trajectId} ${bearer}`;
    const bekend = this.inTrajecten.get(sleutel);
    if (bekend) return bekend;
    const antwoord = await this.bron.inTraject(trajectId, bearer);
    if (antwoord && antwoord.betrokkenheid.length > 0) this.inTrajecten.set(sleutel, antwoord);
    return antwoord;
  }

  /** An answer worth remembering (an existing involvement), with its refresh moment; undefined for "not involved". */
  private onthoud(betrokkenheid: readonly Betrokkenheid[]): Onthouden | undefined {
    if (betrokkenheid.length === 0) return undefined;
    return { betrokkenheid, verversVanaf: performance.now() + this.ttlMs * (0.7 + 0.2 * Math.random()) };
  }

  /** Asks again in the background; a failure leaves the remembered answer to expire at `ttlMs`. */
  private ververs(sleutel: string, deelnemerId: string, bearer: string): void {
    if (this.verversend.has(sleutel)) return;
    this.verversend.add(sleutel);
    this.bron
      .bijDeelnemer(deelnemerId, bearer)
      .then(
        (betrokkenheid) => {
          const nieuw = this.onthoud(betrokkenheid);
          if (nieuw) this.bijDeelnemers.set(sleutel, nieuw);
          else this.bijDeelnemers.delete(sleutel);
        },
        () => undefined,
      )
      .finally(() => this.verversend.delete(sleutel));
  }
}

/**
 * The traject context's involvement facts as a service reads them: over traject-service's API,
 * remembered for `cacheMs` per caller token (see {@link GecachteBetrokkenheid}; 0 asks every time).
 */
export function trajectBetrokkenheid(trajectServiceUrl: string, cacheMs: number): BetrokkenheidPoort {
  const http = new HttpBetrokkenheid(trajectServiceUrl);
  return cacheMs > 0 ? new GecachteBetrokkenheid(http, cacheMs) : http;
}
