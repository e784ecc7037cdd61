import type { PlaatsingOverzicht } from './overzicht';
import type { Contactpersoon } from './werkgever';

/**
 * What the coach puts forward about a deelnemer for a vacancy. Only the categories the consent
 * decision releases to the employer are ever kept; the rest is dropped before anything is stored.
 */
export interface Kandidaatprofiel {
  /** Category `contact`. */
  readonly roepnaam: string;
  readonly telefoon?: string;
  /** Category `werkervaring-cv`. */
  readonly werkervaring: readonly string[];
  /** Category `beperkingen-werk`: only with the deelnemer's explicit consent. */
  readonly beperkingen?: {
    readonly belastbaarheidUren?: number;
    readonly aanpassingenWerkplek?: readonly string[];
  };
}

/** The data categories (processing register) a proposal asks the consent service to release to the employer. */
export const WERKGEVER_CATEGORIEEN = ['contact', 'werkervaring-cv', 'beperkingen-werk'] as const;
/** One of {@link WERKGEVER_CATEGORIEEN}. */
export type WerkgeverCategorie = (typeof WERKGEVER_CATEGORIEEN)[number];

/**
 * The deelnemer as the employer sees them. A field whose category was not released is absent,
 * not empty: without consent for `beperkingen-werk` there is no `beperkingen` key at all.
 */
export interface Werkgeversweergave {
  readonly roepnaam?: string;
  readonly telefoon?: string;
  readonly werkervaring?: readonly string[];
  readonly beperkingen?: {
    readonly belastbaarheidUren?: number;
    readonly aanpassingenWerkplek?: readonly string[];
  };
}

/**
 * Keeps of `profiel` only what the released categories allow. Pure; the consent service decides
 * `vrijgegeven`, this function only applies it.
 */
export function werkgeversweergave(profiel: Kandidaatprofiel, vrijgegeven: readonly string[]): Werkgeversweergave {
  const vrij = new Set(vrijgegeven);
  const beperkingen = profiel.beperkingen;
  return {
    ...(vrij.has('contact') ? { roepnaam: profiel.roepnaam, ...(profiel.telefoon ? { telefoon: profiel.telefoon } : {}) } : {}),
    ...(vrij.has('werkervaring-cv') ? { werkervaring: [...profiel.werkervaring] } : {}),
    ...(vrij.has('beperkingen-werk') && beperkingen
      ? {
          beperkingen: {
            ...(beperkingen.belastbaarheidUren !== undefined ? { belastbaarheidUren: beperkingen.belastbaarheidUren } : {}),
            ...(beperkingen.aanpassingenWerkplek ? { aanpassingenWerkplek: [...beperkingen.aanpassingenWerkplek] } : {}),
          },
        }
      : {}),
  };
}

/**
 * One placement as its employer sees it: the vacancy, what was released of the deelnemer, the
 * phase, the agreements (trial, subsidy, contract), the upcoming deadlines, and its own contact
 * and deputy. No deelnemer or traject id, no coded reasons of a return.
 */
export interface WerkgeverPlaatsing {
  readonly plaatsingId: string;
  readonly vacature: { readonly id: string; readonly titel: string };
  readonly kandidaat: Werkgeversweergave;
  readonly fase: PlaatsingOverzicht['fase'];
  readonly afspraken: {
    readonly proefplaatsing?: PlaatsingOverzicht['proefplaatsing'];
    readonly loonkostensubsidie?: { readonly percentage: number; readonly einde: string; readonly volgendeHerbeoordeling: string };
    readonly contract?: PlaatsingOverzicht['contract'];
  };
  readonly termijnen: PlaatsingOverzicht['termijnen'];
  readonly contactpersoon: Contactpersoon;
  readonly plaatsvervanger?: Contactpersoon;
  readonly jobcoach: { readonly organisatieId: string };
}

/** The employer's view of one placement. Pure. */
export function werkgeverPlaatsing(o: PlaatsingOverzicht, kandidaat: Werkgeversweergave, vacatureTitel: string): WerkgeverPlaatsing {
  return {
    plaatsingId: o.plaatsingId,
    vacature: { id: o.vacatureId, titel: vacatureTitel },
    kandidaat,
    fase: o.fase,
    afspraken: {
      ...(o.proefplaatsing ? { proefplaatsing: o.proefplaatsing } : {}),
      ...(o.subsidie
        ? { loonkostensubsidie: { percentage: o.subsidie.percentage, einde: o.subsidie.einde, volgendeHerbeoordeling: o.subsidie.volgendeHerbeoordeling } }
        : {}),
      ...(o.contract ? { contract: o.contract } : {}),
    },
    termijnen: o.termijnen,
    contactpersoon: o.werkgever.contactpersoon,
    ...(o.werkgever.plaatsvervanger ? { plaatsvervanger: o.werkgever.plaatsvervanger } : {}),
    jobcoach: { organisatieId: o.jobcoach.organisatieId },
  };
}
