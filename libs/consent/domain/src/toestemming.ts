import { type DataCategorie, isBijzonderGegeven } from './data-categorie';
import { consentFout } from './consent.errors';
import { type Organisatie, type OrganisatieSelector, selecteert } from './organisatie';

/**
 * Capacity in which a legal representative acts. A bewindvoerder acts only on financial matters;
 * a mentor only on non-financial (care and well-being) matters; a curator, a parent with
 * authority and a guardian on both.
 */
export type Hoedanigheid = 'curator' | 'mentor' | 'bewindvoerder' | 'gezaghebbende-ouder' | 'voogd';

/** Who granted a consent: the deelnemer, or a legal representative (by opaque person id). */
export type Verlener =
  { readonly soort: 'deelnemer' } | { readonly soort: 'wettelijk-vertegenwoordiger'; readonly hoedanigheid: Hoedanigheid; readonly vertegenwoordiger: string };

const FINANCIEEL: readonly DataCategorie[] = ['financien-schulden', 'uitkering'];

/** True when the grantor may consent for this category (the representative's competence). */
export function verlenerBevoegdVoor(verlener: Verlener, categorie: DataCategorie): boolean {
  if (verlener.soort === 'deelnemer') return true;
  switch (verlener.hoedanigheid) {
    case 'bewindvoerder':
      return FINANCIEEL.includes(categorie);
    case 'mentor':
      return !FINANCIEEL.includes(categorie);
    default:
      return true;
  }
}

/**
 * How the consent was obtained (AVG art. 7(1): the controller must be able to demonstrate it).
 * Each form records an explicit statement, so each qualifies as explicit consent (art. 9(2)(a)).
 */
export type Bewijs =
  | { readonly soort: 'ondertekend-formulier'; readonly documentId: string }
  | { readonly soort: 'digitaal-ondertekend'; readonly ondertekeningId: string }
  | { readonly soort: 'mondeling-met-getuige'; readonly getuige: string; readonly notitie: string };

/** One event in a consent's status history. Events are appended in time order, never edited. */
export type ToestemmingGebeurtenis =
  | { readonly status: 'gegeven'; readonly op: Date; readonly door: string }
  | { readonly status: 'ingetrokken'; readonly op: Date; readonly door: string; readonly reden?: string }
  | { readonly status: 'verlopen'; readonly op: Date }
  | { readonly status: 'vervangen'; readonly op: Date; readonly door: string; readonly vervangenDoor: string };

/**
 * A consent record (ISO/IEC TS 27560 sections: header, processing, parties, events): one
 * deelnemer, one purpose, the categories, source and recipient organisations, a validity period,
 * evidence and an append-only status history.
 */
export interface Toestemming {
  readonly id: string;
  readonly deelnemerId: string;
  readonly verlener: Verlener;
  readonly doel: string;
  readonly categorieen: readonly DataCategorie[];
  /** Organisations that may disclose under this consent. */
  readonly bronnen: readonly OrganisatieSelector[];
  /** Organisations that may receive under this consent. */
  readonly ontvangers: readonly OrganisatieSelector[];
  readonly geldigVanaf: Date;
  /** Exclusive end: the consent no longer holds at this instant. */
  readonly geldigTot: Date;
  readonly bewijs: Bewijs;
  /** The consent this one supersedes, if any. */
  readonly vervangt?: string;
  readonly historie: readonly ToestemmingGebeurtenis[];
}

/** The status of a consent at one instant, as the decision function sees it. */
export type ToestemmingStatus = 'niet-gegeven' | 'nog-niet-geldig' | 'geldig' | 'ingetrokken' | 'verlopen' | 'vervangen';

/**
 * The status at `op`. Only events at or before `op` count, so the answer for an instant never
 * changes when later events are appended. Withdrawal and supersession take effect at their own
 * instant (inclusive); expiry at `geldigTot` (exclusive end) whether or not an expiry event was
 * recorded yet.
 */
export function statusOp(toestemming: Toestemming, op: Date): ToestemmingStatus {
  const t = op.getTime();
  const gebeurd = toestemming.historie.filter((g) => g.op.getTime() <= t);
  const gegeven = gebeurd.find((g) => g.status === 'gegeven');
  if (!gegeven) return 'niet-gegeven';
  if (gebeurd.some((g) => g.status === 'ingetrokken')) return 'ingetrokken';
  if (gebeurd.some((g) => g.status === 'vervangen')) return 'vervangen';
  if (t >= toestemming.geldigTot.getTime() || gebeurd.some((g) => g.status === 'verlopen')) return 'verlopen';
  if (t < toestemming.geldigVanaf.getTime()) return 'nog-niet-geldig';
  return 'geldig';
}

/** The latest recorded status (the status after the last event). */
export function huidigeStatus(toestemming: Toestemming): ToestemmingGebeurtenis['status'] {
  const laatste = toestemming.historie[toestemming.historie.length - 1];
  if (!laatste) throw consentFout('CONSENT.HISTORY_EMPTY', 'Toestemming zonder statushistorie');
  return laatste.status;
}

/** Why a consent does not cover a (purpose, source, recipient, category) at an instant. */
export type NietDekkendReden =
  | 'ANDER_DOEL'
  | 'ANDERE_ONTVANGER'
  | 'ANDERE_BRON'
  | 'CATEGORIE_NIET_BEGREPEN'
  | 'VERLENER_NIET_BEVOEGD'
  | 'NIET_GEGEVEN'
  | 'NOG_NIET_GELDIG'
  | 'INGETROKKEN'
  | 'VERLOPEN'
  | 'VERVANGEN';

/** The scope a consent is checked against. */
export interface Reikwijdte {
  readonly deelnemerId: string;
  readonly doel: string;
  readonly bron: Organisatie;
  readonly ontvanger: Organisatie;
  readonly categorie: DataCategorie;
}

const STATUS_REDEN: Record<Exclude<ToestemmingStatus, 'geldig'>, NietDekkendReden> = {
  'niet-gegeven': 'NIET_GEGEVEN',
  'nog-niet-geldig': 'NOG_NIET_GELDIG',
  ingetrokken: 'INGETROKKEN',
  verlopen: 'VERLOPEN',
  vervangen: 'VERVANGEN',
};

/**
 * Whether a consent covers exactly this purpose, source, recipient and category and is valid at
 * `op`. Returns `true` or the first reason it does not. Consents of another deelnemer are the
 * caller's error and are reported as not covering.
 */
export function dekt(toestemming: Toestemming, reikwijdte: Reikwijdte, op: Date): true | NietDekkendReden {
  if (toestemming.deelnemerId !== reikwijdte.deelnemerId || toestemming.doel !== reikwijdte.doel) return 'ANDER_DOEL';
  if (!toestemming.categorieen.includes(reikwijdte.categorie)) return 'CATEGORIE_NIET_BEGREPEN';
  if (!toestemming.ontvangers.some((s) => selecteert(s, reikwijdte.ontvanger))) return 'ANDERE_ONTVANGER';
  if (!toestemming.bronnen.some((s) => selecteert(s, reikwijdte.bron))) return 'ANDERE_BRON';
  if (!verlenerBevoegdVoor(toestemming.verlener, reikwijdte.categorie)) return 'VERLENER_NIET_BEVOEGD';
  const status = statusOp(toestemming, op);
  return status === 'geldig' ? true : STATUS_REDEN[status];
}

/** What a coach records when consent is given. `op` is the service's clock, not the caller's. */
export type NieuweToestemming = Pick<
  Toestemming,
  'id' | 'deelnemerId' | 'verlener' | 'doel' | 'categorieen' | 'bronnen' | 'ontvangers' | 'geldigTot' | 'bewijs'
> & {
  /** Defaults to `op`; may lie in the future, never in the past. */
  readonly geldigVanaf?: Date;
  readonly vastgelegdDoor: string;
};

/**
 * Records a consent given at `op`. Rejects an empty scope, a start before `op` (consent is never
 * backdated), an end not after the start, and categories outside a representative's competence.
 */
export function geefToestemming(invoer: NieuweToestemming, op: Date): Toestemming {
  const geldigVanaf = invoer.geldigVanaf ?? op;
  if (invoer.categorieen.length === 0 || invoer.bronnen.length === 0 || invoer.ontvangers.length === 0) {
    throw consentFout('CONSENT.SCOPE_EMPTY', 'Toestemming zonder categorieën, bronnen of ontvangers');
  }
  if (geldigVanaf.getTime() < op.getTime()) {
    throw consentFout('CONSENT.BACKDATED', 'Toestemming kan niet met terugwerkende kracht ingaan');
  }
  if (invoer.geldigTot.getTime() <= geldigVanaf.getTime()) {
    throw consentFout('CONSENT.PERIOD_INVALID', 'Einde van de geldigheid ligt niet na het begin');
  }
  const onbevoegd = invoer.categorieen.filter((c) => !verlenerBevoegdVoor(invoer.verlener, c));
  if (onbevoegd.length > 0) {
    throw consentFout('CONSENT.GRANTOR_NOT_COMPETENT', `Vertegenwoordiger is niet bevoegd voor: ${onbevoegd.join(', ')}`);
  }
  return {
    id: invoer.id,
    deelnemerId: invoer.deelnemerId,
    verlener: invoer.verlener,
    doel: invoer.doel,
    categorieen: [...new Set(invoer.categorieen)],
    bronnen: invoer.bronnen,
    ontvangers: invoer.ontvangers,
    geldigVanaf,
    geldigTot: invoer.geldigTot,
    bewijs: invoer.bewijs,
    historie: [{ status: 'gegeven', op, door: invoer.vastgelegdDoor }],
  };
}

function voegToe(toestemming: Toestemming, gebeurtenis: ToestemmingGebeurtenis): Toestemming {
  const laatste = toestemming.historie[toestemming.historie.length - 1];
  if (laatste && gebeurtenis.op.getTime() < laatste.op.getTime()) {
    throw consentFout('CONSENT.BACKDATED', 'Een statuswijziging kan niet vóór de vorige liggen');
  }
  const status = huidigeStatus(toestemming);
  if (status !== 'gegeven') {
    throw consentFout('CONSENT.NOT_ACTIVE', `Toestemming is al ${status}`);
  }
  return { ...toestemming, historie: [...toestemming.historie, gebeurtenis] };
}

/**
 * Withdraws the consent at `op`, the service's clock at the moment the withdrawal is recorded.
 * There is deliberately no parameter for an earlier effective instant: withdrawal is immediate
 * and never backdated, and `op` may not precede the last recorded event.
 */
export function trekIn(toestemming: Toestemming, op: Date, door: string, reden?: string): Toestemming {
  return voegToe(toestemming, { status: 'ingetrokken', op, door, ...(reden === undefined ? {} : { reden }) });
}

/** Records expiry; only at or after `geldigTot`. */
export function markeerVerlopen(toestemming: Toestemming, op: Date): Toestemming {
  if (op.getTime() < toestemming.geldigTot.getTime()) {
    throw consentFout('CONSENT.NOT_EXPIRED', 'Toestemming is nog niet verlopen');
  }
  return voegToe(toestemming, { status: 'verlopen', op });
}

/**
 * Supersedes `oud` by a new consent of the same deelnemer and purpose given at `op`. Returns
 * both records; the old one ends at `op`, the new one references it.
 */
export function vervang(oud: Toestemming, invoer: NieuweToestemming, op: Date): { readonly oud: Toestemming; readonly nieuw: Toestemming } {
  if (invoer.deelnemerId !== oud.deelnemerId || invoer.doel !== oud.doel) {
    throw consentFout('CONSENT.SUPERSEDE_MISMATCH', 'Vervangende toestemming hoort bij dezelfde deelnemer en hetzelfde doel');
  }
  const nieuw = { ...geefToestemming(invoer, op), vervangt: oud.id };
  return {
    oud: voegToe(oud, { status: 'vervangen', op, door: invoer.vastgelegdDoor, vervangenDoor: nieuw.id }),
    nieuw,
  };
}

/** True when the consent includes special-category data (it is then also explicit consent, art. 9(2)(a)). */
export function bevatBijzondereGegevens(toestemming: Toestemming): boolean {
  return toestemming.categorieen.some(isBijzonderGegeven);
}

/** A reminder to a coach that a consent expires soon (one per consent). */
export interface Herinnering {
  readonly toestemmingId: string;
  readonly deelnemerId: string;
  /** Subject id of the coach. */
  readonly coach: string;
  readonly geldigTot: Date;
  readonly aangemaaktOp: Date;
}
