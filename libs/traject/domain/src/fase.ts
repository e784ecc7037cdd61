/**
 * The phases of a traject, in their fixed order. A programme uses an ordered subset (see
 * `ProgrammaDefinitie.fasen`); `aanmelding`, `contact-leggen`, `uitvoering` and `afgesloten`
 * are always in use.
 */
export const FASEN = [
  'aanmelding',
  'contact-leggen',
  'kennismaking',
  'diagnose',
  'plan-van-aanpak',
  'uitvoering',
  'afronding',
  'nazorg',
  'afgesloten',
] as const;

/** A traject phase. */
export type Fase = (typeof FASEN)[number];

/** Phases every programme must contain. */
export const VERPLICHTE_FASEN: readonly Fase[] = Object.freeze(['aanmelding', 'contact-leggen', 'uitvoering', 'afgesloten']);

/**
 * Where a traject stands besides its phase:
 * - `actief`: the phase's clock runs;
 * - `gepauzeerd`: illness, admission … — every deadline is frozen and shifts on resumption;
 * - `uitgevallen`: dropped out with a coded reason (can be reopened);
 * - `afgesloten`: finished after afronding/nazorg (can be reopened).
 */
export type TrajectStatus = 'actief' | 'gepauzeerd' | 'uitgevallen' | 'afgesloten';

/** True when `value` is one of {@link FASEN}. */
export function isFase(value: unknown): value is Fase {
  return typeof value === 'string' && (FASEN as readonly string[]).includes(value);
}

/** Position of `fase` in the canonical order (0 = aanmelding). */
export function faseIndex(fase: Fase): number {
  return FASEN.indexOf(fase);
}

/** True when `a` comes before `b` in the canonical order. */
export function isEerder(a: Fase, b: Fase): boolean {
  return faseIndex(a) < faseIndex(b);
}

/**
 * The phase after `fase` among the programme's phases `inGebruik`, or `undefined` after
 * `afgesloten`. `fase` itself need not be in use (a programme change may have removed it).
 */
export function volgendeFase(fase: Fase, inGebruik: readonly Fase[]): Fase | undefined {
  return FASEN.slice(faseIndex(fase) + 1).find((f) => inGebruik.includes(f));
}

/** Phases a traject may fall back to from `fase` (terugval): earlier phases in use, from contact-leggen on. */
export function terugvalDoelen(fase: Fase, inGebruik: readonly Fase[]): Fase[] {
  return FASEN.filter((f) => inGebruik.includes(f) && isEerder(f, fase) && isEerder('aanmelding', f));
}

/**
 * Reasons a traject ends early (uitval). Codes are stable: they feed the stuurgroep's reach
 * funnel. `geen-klik` means coach and deelnemer do not match and the traject returns to the
 * klantmanager.
 */
export const UITVAL_REDENEN = [
  'neemt-al-deel',
  'voldoende-ondersteuning-elders',
  'te-ziek',
  'buiten-doelgroep',
  'taalbarriere',
  'weigert',
  'verhuisd',
  'overleden',
  'geen-klik',
  'onbereikbaar',
  'geen-specifieke-problemen',
] as const;

/** A coded drop-out reason. */
export type UitvalReden = (typeof UITVAL_REDENEN)[number];

/** Reasons for a pause. */
export const PAUZE_REDENEN = ['ziekte', 'opname', 'detentie', 'zwangerschap', 'mantelzorg', 'overig'] as const;

/** A coded pause reason. */
export type PauzeReden = (typeof PAUZE_REDENEN)[number];

/** The concrete next step afronding requires (in the Den Bosch programme: scholing, vrijwilligerswerk, baan, hulpverlening, anderszins). */
export const VERVOLG_SOORTEN = ['scholing', 'vrijwilligerswerk', 'betaald-werk', 'hulpverlening', 'anders'] as const;

/** Kind of next step after afronding. */
export type VervolgSoort = (typeof VERVOLG_SOORTEN)[number];
