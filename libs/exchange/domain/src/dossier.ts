import type { OrganisatieType } from '@ketenregie/shared-kernel';

/**
 * Category codes as the consent context names them (`contact`, `gezondheid`, …). The exchange
 * context treats them as opaque codes: which categories and fields may travel is decided by the
 * consent service, never here.
 */
export type CategorieCode = string;

/** The organisation types of the partnership, as in the identity claims. */
export type OntvangerType = OrganisatieType;

/**
 * What a receiving role needs to take over a deelnemer: the categories a warm handover asks the
 * consent service for. Asking for less than the release profile allows is the first step of
 * data minimisation; the decision narrows it further.
 */
export const DOSSIER_BEHOEFTE: Readonly<Record<OntvangerType, readonly CategorieCode[]>> = Object.freeze({
  gemeente: ['contact', 'traject-status', 'participatieladder', 'zrm'],
  uitvoerder: ['contact', 'traject-status', 'participatieladder', 'zrm', 'werkervaring-cv', 'beperkingen-werk'],
  werkgever: ['contact', 'werkervaring-cv', 'beperkingen-werk'],
  ggz: ['contact', 'traject-status', 'participatieladder', 'zrm', 'gezondheid'],
  schuldhulp: ['contact', 'traject-status', 'financien-schulden'],
  wijkteam: ['contact', 'traject-status', 'participatieladder', 'zrm'],
});

/** Fields of one category that the decision released to this receiver. */
export interface Vrijgave {
  readonly categorie: CategorieCode;
  readonly velden: readonly string[];
}

/** The sender's data about the deelnemer: category → field → value. */
export type BronGegevens = Readonly<Record<CategorieCode, Readonly<Record<string, unknown>>>>;

/** The minimal dossier stored for the receiver: only released categories and fields. */
export interface MinimaalDossier {
  readonly categorieen: Readonly<Record<CategorieCode, Readonly<Record<string, unknown>>>>;
}

/** Why something the sender holds did not go into the dossier (for the sender's overview, never values). */
export interface Weglating {
  readonly categorie: CategorieCode;
  readonly veld?: string;
  readonly reden: 'NIET_NODIG_VOOR_ROL' | 'NIET_VRIJGEGEVEN';
}

/** Result of {@link stelDossierSamen}. */
export interface DossierSamenstelling {
  readonly dossier: MinimaalDossier;
  /** Categories that ended up in the dossier with at least one field. */
  readonly geleverd: readonly CategorieCode[];
  readonly weggelaten: readonly Weglating[];
}

/**
 * Assembles the minimal dossier for a receiver of `type`: a field travels only when the role
 * needs its category ({@link DOSSIER_BEHOEFTE}), the decision released exactly that field, and
 * the sender holds a value for it. Empty categories are left out entirely.
 */
export function stelDossierSamen(type: OntvangerType, bron: BronGegevens, vrijgaven: readonly Vrijgave[]): DossierSamenstelling {
  const nodig = new Set(DOSSIER_BEHOEFTE[type]);
  const vrij = new Map(vrijgaven.map((v) => [v.categorie, new Set(v.velden)]));
  const categorieen: Record<CategorieCode, Record<string, unknown>> = {};
  const weggelaten: Weglating[] = [];
  for (const [categorie, velden] of Object.entries(bron)) {
    if (!nodig.has(categorie)) {
      weggelaten.push({ categorie, reden: 'NIET_NODIG_VOOR_ROL' });
      continue;
    }
    const toegestaan = vrij.get(categorie);
    for (const [veld, waarde] of Object.entries(velden)) {
      if (waarde === undefined) continue;
      if (!toegestaan?.has(veld)) {
        weggelaten.push({ categorie, veld, reden: 'NIET_VRIJGEGEVEN' });
        continue;
      }
      (categorieen[categorie] ??= {})[veld] = waarde;
    }
  }
  return { dossier: { categorieen }, geleverd: Object.keys(categorieen), weggelaten };
}

/** What the sender sees after delivery: which fields went to the receiver, and what was left out and why. Names only, never values. */
export interface LeveringOverzicht {
  readonly geleverd: readonly { readonly categorie: CategorieCode; readonly velden: readonly string[] }[];
  readonly weggelaten: readonly Weglating[];
}

/**
 * The delivery as the sender reads it back: the fields of the stored dossier, and every field of
 * the sender's data that stayed behind, because the receiver's role does not need its category
 * or because the consent decision did not release it. A withdrawn dossier (emptied) shows
 * everything as not released. Pure.
 */
export function leveringOverzicht(type: OntvangerType, bron: BronGegevens, dossier: MinimaalDossier): LeveringOverzicht {
  const vrijgaven = Object.entries(dossier.categorieen).map(([categorie, velden]) => ({ categorie, velden: Object.keys(velden) }));
  const { geleverd, weggelaten, dossier: opnieuw } = stelDossierSamen(type, bron, vrijgaven);
  return { geleverd: geleverd.map((categorie) => ({ categorie, velden: Object.keys(opnieuw.categorieen[categorie] ?? {}) })), weggelaten };
}
