import { type DataCategorie, isBijzonderGegeven } from './data-categorie';
import { type WettelijkeGrondslag } from './grondslag';
import { type Organisatie } from './organisatie';
import { dekt, type NietDekkendReden, type Toestemming } from './toestemming';
import { activiteitVoorDoel, registerVersieOp, releaseRegel, toegestaneVelden, type Verwerkingsregister } from './verwerkingsregister';

/** A request to disclose categories of one deelnemer's data from `bron` to `ontvanger` for `doel`. */
export interface BesluitVerzoek {
  readonly deelnemerId: string;
  /** The disclosing organisation (the caller). */
  readonly bron: Organisatie;
  readonly ontvanger: Organisatie;
  readonly doel: string;
  readonly categorieen: readonly DataCategorie[];
}

/** The statutory regime for one category: what the register says, independent of any consent. */
export type WettelijkRegime =
  | { readonly status: 'grondslag'; readonly grondslag: WettelijkeGrondslag }
  /** A statutory basis exists but does not suffice on its own for this category and recipient. */
  | {
      readonly status: 'onvoldoende';
      readonly grondslag: WettelijkeGrondslag;
      readonly reden: 'BIJZONDER_GEGEVEN' | 'PROFIEL_VEREIST_TOESTEMMING';
    }
  | { readonly status: 'geen-grondslag' };

/** The consent regime for one category: the consents that grant it, or why each candidate does not. */
export type ToestemmingRegime =
  | { readonly status: 'verleend'; readonly toestemmingen: readonly string[] }
  | {
      readonly status: 'geen';
      readonly afgewezen: readonly { readonly toestemmingId: string; readonly reden: NietDekkendReden }[];
    };

/** Why a category is denied, most fundamental first. */
export type Weigerreden =
  | 'GEEN_REGISTER'
  | 'DOEL_NIET_IN_REGISTER'
  | 'ONTVANGER_NIET_IN_REGISTER'
  | 'CATEGORIE_NIET_IN_REGISTER'
  | 'BUITEN_RELEASEPROFIEL'
  | 'TOESTEMMING_VEREIST'
  | 'GEEN_GRONDSLAG_OF_TOESTEMMING';

/** The decision for one category. Both regimes are always reported, also when the category is denied. */
export interface CategorieBesluit {
  readonly categorie: DataCategorie;
  readonly uitkomst: 'toegestaan' | 'geweigerd';
  /** The fields that may be released: the release profile's fields when permitted, none when denied. */
  readonly velden: readonly string[];
  /** Which regimes carry a permit (empty when denied). */
  readonly verleendOp: readonly ('wettelijke-grondslag' | 'toestemming')[];
  readonly wettelijk: WettelijkRegime;
  readonly toestemming: ToestemmingRegime;
  readonly weigerreden?: Weigerreden;
}

/** A decision on a {@link BesluitVerzoek} at one instant, referring to the register version and activity it applied. */
export interface Besluit {
  readonly verzoek: BesluitVerzoek;
  readonly op: Date;
  readonly registerVersie?: number;
  readonly activiteit?: { readonly id: string; readonly versie: number };
  readonly categorieen: readonly CategorieBesluit[];
}

/** Summary of a decision: all, none or some categories permitted. */
export function uitkomst(besluit: Besluit): 'toegestaan' | 'geweigerd' | 'deels' {
  const toegestaan = besluit.categorieen.filter((c) => c.uitkomst === 'toegestaan').length;
  if (toegestaan === 0) return 'geweigerd';
  return toegestaan === besluit.categorieen.length ? 'toegestaan' : 'deels';
}

function toestemmingRegime(toestemmingen: readonly Toestemming[], verzoek: BesluitVerzoek, categorie: DataCategorie, op: Date): ToestemmingRegime {
  const verleend: string[] = [];
  const afgewezen: { toestemmingId: string; reden: NietDekkendReden }[] = [];
  for (const toestemming of toestemmingen) {
    if (toestemming.deelnemerId !== verzoek.deelnemerId) continue;
    const resultaat = dekt(toestemming, { ...verzoek, categorie }, op);
    if (resultaat === true) verleend.push(toestemming.id);
    else afgewezen.push({ toestemmingId: toestemming.id, reden: resultaat });
  }
  return verleend.length > 0 ? { status: 'verleend', toestemmingen: verleend } : { status: 'geen', afgewezen };
}

/**
 * THE decision function: may these categories of this deelnemer's data go from `bron` to
 * `ontvanger` for `doel` at instant `op`?
 *
 * Per category, in order:
 * 1. the register version in force at `op` must have an activity for `doel` that foresees the
 *    recipient type and the category (doelbinding, AVG art. 30);
 * 2. the recipient type's release profile must include the category (it caps everything,
 *    consent included);
 * 3. a lawful basis: the statutory regime (the register grants the category to the recipient
 *    type) suffices only for ordinary data and only where the profile does not demand consent;
 *    otherwise the consent regime must hold: a consent of this deelnemer, given and neither
 *    withdrawn, superseded nor expired at `op`, whose purpose, source, recipient and categories
 *    cover the request and whose grantor is competent for the category. Special-category data
 *    (art. 9) therefore always needs consent.
 *
 * Pure: the instant is an argument and the result depends on nothing else.
 */
export function besluit(register: Verwerkingsregister, toestemmingen: readonly Toestemming[], verzoek: BesluitVerzoek, op: Date): Besluit {
  const versie = registerVersieOp(register, op);
  const activiteit = versie && activiteitVoorDoel(versie, verzoek.doel);
  const ontvangerRegel = activiteit?.ontvangers.find((o) => o.type === verzoek.ontvanger.type);
  const categorieen = [...new Set(verzoek.categorieen)];

  const besluiten = categorieen.map((categorie): CategorieBesluit => {
    const toestemming = toestemmingRegime(toestemmingen, verzoek, categorie, op);
    const regel = versie && releaseRegel(versie, verzoek.ontvanger.type, categorie);
    const wettelijkeGrondslag =
      ontvangerRegel?.wettelijk && ontvangerRegel.wettelijk.categorieen.includes(categorie) ? ontvangerRegel.wettelijk.grondslag : undefined;
    const wettelijk: WettelijkRegime = !wettelijkeGrondslag
      ? { status: 'geen-grondslag' }
      : isBijzonderGegeven(categorie)
        ? { status: 'onvoldoende', grondslag: wettelijkeGrondslag, reden: 'BIJZONDER_GEGEVEN' }
        : regel?.voorwaarde === 'alleen-met-toestemming'
          ? { status: 'onvoldoende', grondslag: wettelijkeGrondslag, reden: 'PROFIEL_VEREIST_TOESTEMMING' }
          : { status: 'grondslag', grondslag: wettelijkeGrondslag };

    const weiger = (weigerreden: Weigerreden): CategorieBesluit => ({
      categorie,
      uitkomst: 'geweigerd',
      velden: [],
      verleendOp: [],
      wettelijk,
      toestemming,
      weigerreden,
    });

    if (!versie) return weiger('GEEN_REGISTER');
    if (!activiteit) return weiger('DOEL_NIET_IN_REGISTER');
    if (!ontvangerRegel) return weiger('ONTVANGER_NIET_IN_REGISTER');
    if (!activiteit.categorieen.includes(categorie)) return weiger('CATEGORIE_NIET_IN_REGISTER');
    if (!regel) return weiger('BUITEN_RELEASEPROFIEL');

    const verleendOp: ('wettelijke-grondslag' | 'toestemming')[] = [];
    if (wettelijk.status === 'grondslag') verleendOp.push('wettelijke-grondslag');
    if (toestemming.status === 'verleend') verleendOp.push('toestemming');
    if (verleendOp.length === 0) {
      return weiger(wettelijk.status === 'onvoldoende' ? 'TOESTEMMING_VEREIST' : 'GEEN_GRONDSLAG_OF_TOESTEMMING');
    }
    return { categorie, uitkomst: 'toegestaan', velden: toegestaneVelden(regel), verleendOp, wettelijk, toestemming };
  });

  return {
    verzoek: { ...verzoek, categorieen },
    op,
    ...(versie ? { registerVersie: versie.versie } : {}),
    ...(activiteit ? { activiteit: { id: activiteit.id, versie: activiteit.versie } } : {}),
    categorieen: besluiten,
  };
}
