import { compareIsoDates, isIsoDate, ValidationError, type IsoDate } from '@ketenregie/shared-kernel';
import { INDICATOR_CODES, type IndicatorCode } from './indicator-definities';

/** What a partner can commit to in a convenant. */
export const TOEZEGGING_SOORTEN = [
  'uren-en-expertise',
  'aantal-trajecten',
  'overdrachten-binnen-termijn',
  'evaluaties-op-tijd',
  'casuistiekoverleg-aanwezigheid',
] as const;
/** One of {@link TOEZEGGING_SOORTEN}. */
export type ToezeggingSoort = (typeof TOEZEGGING_SOORTEN)[number];

/** The periods indicators and targets are counted over. */
export const PERIODE_SOORTEN = ['maand', 'kwartaal', 'jaar'] as const;
/** One of {@link PERIODE_SOORTEN}. */
export type PeriodeSoort = (typeof PERIODE_SOORTEN)[number];

/** Units of a commitment or target value. */
export const EENHEDEN = ['uren', 'aantal', 'procent', 'werkdagen'] as const;
/** One of {@link EENHEDEN}. */
export type Eenheid = (typeof EENHEDEN)[number];

/** One commitment of a party: a value per period (e.g. 16 uren per maand, 40 trajecten per jaar, 90 procent). */
export interface Toezegging {
  readonly soort: ToezeggingSoort;
  readonly waarde: number;
  readonly eenheid: Eenheid;
  readonly periode: PeriodeSoort;
  /** Coded expertise for `uren-en-expertise` (e.g. `schuldhulp`, `ggz`); never free text about persons. */
  readonly expertise?: string;
}

/** A party of the convenant (a registered organisation) and its commitments. */
export interface ConvenantPartij {
  readonly organisatieId: string;
  readonly toezeggingen: readonly Toezegging[];
}

/** A target for an indicator per period, for the whole partnership or for one party. */
export interface IndicatorDoel {
  readonly indicator: IndicatorCode;
  readonly streefwaarde: number;
  readonly eenheid: Eenheid;
  readonly periode: PeriodeSoort;
  /** Only this party's figure counts; absent: the partnership as a whole. */
  readonly partij?: string;
}

/** What a version of a convenant says. */
export interface ConvenantInhoud {
  readonly naam: string;
  readonly startdatum: IsoDate;
  readonly einddatum: IsoDate;
  readonly partijen: readonly ConvenantPartij[];
  readonly doelen: readonly IndicatorDoel[];
}

/** One version: the first is the signed convenant, every amendment adds one, from its `ingangsdatum` on. */
export interface ConvenantVersie extends ConvenantInhoud {
  readonly versie: number;
  readonly ingangsdatum: IsoDate;
  /** The organisation that recorded this version (a gemeente). */
  readonly vastgesteldDoor: string;
}

/** A convenant of a stuurgroep with all its versions, oldest first. */
export interface Convenant {
  readonly id: string;
  readonly stuurgroepId: string;
  readonly versies: readonly ConvenantVersie[];
}

/** What the registry knows that a convenant version is checked against. */
export interface ConvenantContext {
  /** Member organisations of the convenant's stuurgroep. */
  readonly stuurgroepLeden: ReadonlySet<string>;
  /** The organisation recording the version (must be a party). */
  readonly door: string;
  /** The previous version, for an amendment. */
  readonly vorige?: ConvenantVersie;
}

const MAX_NAAM = 200;
const MAX_WAARDE = 1_000_000;
const CODE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The version in force on `datum`: the last one whose `ingangsdatum` is on or before it (the first before the first one). */
export function versieOp(convenant: Convenant, datum: IsoDate): ConvenantVersie {
  const geldig = convenant.versies.filter((v) => compareIsoDates(v.ingangsdatum, datum) <= 0);
  return geldig.at(-1) ?? convenant.versies[0];
}

/** True when `organisatieId` is a party in any version of the convenant (a former party keeps seeing what it signed). */
export function isPartij(convenant: Convenant, organisatieId: string): boolean {
  return convenant.versies.some((v) => v.partijen.some((p) => p.organisatieId === organisatieId));
}

/**
 * Checks one version of a convenant: name, a period that ends after it starts, at least two
 * distinct parties that are all members of the stuurgroep (the recording gemeente among them),
 * positive values, known indicators, targets for parties only. An amendment takes effect within
 * the convenant's period and not before the previous version.
 * @throws ValidationError `MONITORING.CONVENANT_INVALID` naming the offending fields.
 */
export function assertConvenantVersie(inhoud: ConvenantInhoud, ingangsdatum: IsoDate, ctx: ConvenantContext): ConvenantInhoud {
  const fields: Record<string, string> = {};
  const naam = inhoud.naam.trim();
  if (naam.length === 0 || naam.length > MAX_NAAM) fields['naam'] = `must be 1 to ${MAX_NAAM} characters`;
  if (!isIsoDate(inhoud.startdatum)) fields['startdatum'] = 'must be a date (YYYY-MM-DD)';
  if (!isIsoDate(inhoud.einddatum)) fields['einddatum'] = 'must be a date (YYYY-MM-DD)';
  else if (isIsoDate(inhoud.startdatum) && compareIsoDates(inhoud.einddatum, inhoud.startdatum) <= 0) fields['einddatum'] = 'must lie after startdatum';
  const ids = inhoud.partijen.map((p) => p.organisatieId);
  if (new Set(ids).size !== ids.length) fields['partijen'] = 'lists an organisation more than once';
  else if (ids.length < 2) fields['partijen'] = 'needs at least 2 parties';
  const vreemd = ids.filter((id) => !ctx.stuurgroepLeden.has(id));
  if (vreemd.length > 0) fields['partijen'] = `contains organisations that are not members of the stuurgroep: ${vreemd.join(', ')}`;
  else if (!ids.includes(ctx.door)) fields['partijen'] = 'must include the organisation that records the convenant';
  inhoud.partijen.forEach((p, i) =>
    p.toezeggingen.forEach((t, j) => {
      if (!(t.waarde > 0 && t.waarde <= MAX_WAARDE)) fields[`partijen.${i}.toezeggingen.${j}.waarde`] = `must be above 0 and at most ${MAX_WAARDE}`;
      if (t.eenheid === 'procent' && t.waarde > 100) fields[`partijen.${i}.toezeggingen.${j}.waarde`] = 'a percentage is at most 100';
      if (t.expertise !== undefined && !CODE.test(t.expertise))
        fields[`partijen.${i}.toezeggingen.${j}.expertise`] = 'must be a code (lower-case words and hyphens)';
    }),
  );
  inhoud.doelen.forEach((d, i) => {
    if (!INDICATOR_CODES.includes(d.indicator)) fields[`doelen.${i}.indicator`] = `must be one of ${INDICATOR_CODES.join(', ')}`;
    if (!(d.streefwaarde >= 0 && d.streefwaarde <= MAX_WAARDE)) fields[`doelen.${i}.streefwaarde`] = `must be between 0 and ${MAX_WAARDE}`;
    if (d.eenheid === 'procent' && d.streefwaarde > 100) fields[`doelen.${i}.streefwaarde`] = 'a percentage is at most 100';
    if (d.partij !== undefined && !ids.includes(d.partij)) fields[`doelen.${i}.partij`] = 'must be a party of the convenant';
  });
  if (!isIsoDate(ingangsdatum)) fields['ingangsdatum'] = 'must be a date (YYYY-MM-DD)';
  else if (ctx.vorige) {
    if (compareIsoDates(ingangsdatum, ctx.vorige.ingangsdatum) < 0)
      fields['ingangsdatum'] = `may not lie before version ${ctx.vorige.versie} (${ctx.vorige.ingangsdatum})`;
    else if (isIsoDate(inhoud.einddatum) && compareIsoDates(ingangsdatum, inhoud.einddatum) > 0) fields['ingangsdatum'] = 'must lie within the convenant';
  }
  if (Object.keys(fields).length > 0) {
    throw new ValidationError({ code: 'MONITORING.CONVENANT_INVALID', detail: 'The convenant does not meet the rules.', fields });
  }
  return { ...inhoud, naam };
}
