import type { Vrijgave } from './dossier';

/**
 * What the handover reads of consent's disclosure decision (purpose `warme-overdracht`): per
 * category the outcome, the released fields, what the release rests on and, for a refusal, why.
 * A structural part of consent's decision as its contract carries it.
 */
export interface ToestemmingsBesluit {
  readonly id: string;
  readonly categorieen: readonly {
    readonly categorie: string;
    readonly uitkomst: 'toegestaan' | 'geweigerd';
    readonly velden: readonly string[];
    /** What a release rests on, e.g. `wettelijke-grondslag`, `toestemming`. */
    readonly verleendOp: readonly string[];
    readonly weigerreden?: string;
    readonly toestemming: { readonly status: string; readonly toestemmingen?: readonly string[] };
  }[];
}

/**
 * The consent decision, reduced to what the handover needs. `toestemming-nodig`: a category the
 * role needs can only travel with consent the deelnemer has not (yet) given.
 */
export interface BesluitUitkomst {
  readonly besluitId: string;
  readonly uitkomst: 'toegestaan' | 'toestemming-nodig';
  /** Fields released per category (empty categories left out). */
  readonly vrijgaven: readonly Vrijgave[];
  /** Consents the released categories rely on; the workflow registers as their dependant. */
  readonly toestemmingen: readonly string[];
  /** Categories that need consent first. */
  readonly ontbrekend: readonly string[];
}

/** Refusals a deelnemer's consent can lift; every other refusal (profile, register) is final for that category. */
const TOESTEMMING_KAN_HELPEN: ReadonlySet<string> = new Set(['TOESTEMMING_VEREIST', 'GEEN_GRONDSLAG_OF_TOESTEMMING']);

/**
 * Reduces consent's decision to what the handover needs: released fields per category, the
 * consents they rest on, and the categories still waiting for consent.
 */
export function besluitUitkomst(besluit: ToestemmingsBesluit): BesluitUitkomst {
  const vrijgaven = besluit.categorieen
    .filter((c) => c.uitkomst === 'toegestaan' && c.velden.length > 0)
    .map((c) => ({ categorie: c.categorie, velden: [...c.velden] }));
  const toestemmingen = [
    ...new Set(
      besluit.categorieen.flatMap((c) =>
        c.uitkomst === 'toegestaan' && c.verleendOp.includes('toestemming') && c.toestemming.status === 'verleend' ? (c.toestemming.toestemmingen ?? []) : [],
      ),
    ),
  ];
  const ontbrekend = besluit.categorieen
    .filter((c) => c.uitkomst === 'geweigerd' && c.weigerreden !== undefined && TOESTEMMING_KAN_HELPEN.has(c.weigerreden))
    .map((c) => c.categorie);
  return { besluitId: besluit.id, uitkomst: ontbrekend.length > 0 ? 'toestemming-nodig' : 'toegestaan', vrijgaven, toestemmingen, ontbrekend };
}
