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
