import { type DataCategorie, isBijzonderGegeven } from './data-categorie';
import { type WettelijkeGrondslag } from './grondslag';
import { type OrganisatieType } from './organisatie';
import { activiteitVoorDoel, registerVersieOp, releaseRegel, toegestaneVelden, type Verwerkingsregister } from './verwerkingsregister';

/** Why a category never goes to a recipient type for a purpose, whatever the deelnemer consents to. */
export type NooitReden = 'GEEN_REGISTER' | 'DOEL_NIET_IN_REGISTER' | 'ONTVANGER_NIET_IN_REGISTER' | 'BUITEN_RELEASEPROFIEL';

/** What one category of a purpose's activity may bring to a recipient type, before any consent is looked at. */
export interface VrijgaveRegel {
  readonly categorie: DataCategorie;
  /** Special-category data (AVG art. 9). */
  readonly bijzonder: boolean;
  /** The fields the release profile allows (none when the category never goes). */
  readonly velden: readonly string[];
  /**
   * `wettelijke-grondslag`: the register's statutory basis suffices, no consent needed;
   * `toestemming`: only with the deelnemer's consent; `nooit`: not to this recipient type.
   */
  readonly regime: 'wettelijke-grondslag' | 'toestemming' | 'nooit';
  readonly grondslag?: WettelijkeGrondslag;
  readonly reden?: NooitReden | 'BIJZONDER_GEGEVEN' | 'PROFIEL_VEREIST_TOESTEMMING' | 'GEEN_WETTELIJKE_GRONDSLAG';
}

/** The release profile of a recipient type for one purpose, as the register in force at an instant has it. */
export interface VrijgaveOverzicht {
  readonly doel: string;
  readonly ontvangerType: OrganisatieType;
  readonly registerVersie?: number;
  readonly activiteit?: { readonly id: string; readonly versie: number; readonly naam: string };
  /** Every category of the purpose's activity, in the register's order. */
  readonly categorieen: readonly VrijgaveRegel[];
}

/**
 * What a recipient type may get for `doel` at `op`, per category of the purpose's activity:
 * the fields of its release profile and whether the statutory basis suffices or the deelnemer's
 * consent is needed. It applies the same register rules as {@link besluit} without any consent,
 * so a category is `wettelijke-grondslag` exactly when a decision without consents permits it.
 * No personal data: a preview a sender sees before asking for a handover. Pure.
 */
export function vrijgaveOverzicht(register: Verwerkingsregister, doel: string, ontvangerType: OrganisatieType, op: Date): VrijgaveOverzicht {
  const versie = registerVersieOp(register, op);
  const activiteit = versie && activiteitVoorDoel(versie, doel);
  const basis = {
    doel,
    ontvangerType,
    ...(versie ? { registerVersie: versie.versie } : {}),
    ...(activiteit ? { activiteit: { id: activiteit.id, versie: activiteit.versie, naam: activiteit.naam } } : {}),
  };
  if (!versie || !activiteit) return { ...basis, categorieen: [] };
  const ontvangerRegel = activiteit.ontvangers.find((o) => o.type === ontvangerType);
  const categorieen = activiteit.categorieen.map((categorie): VrijgaveRegel => {
    const bijzonder = isBijzonderGegeven(categorie);
    const nooit = (reden: NooitReden): VrijgaveRegel => ({ categorie, bijzonder, velden: [], regime: 'nooit', reden });
    if (!ontvangerRegel) return nooit('ONTVANGER_NIET_IN_REGISTER');
    const regel = releaseRegel(versie, ontvangerType, categorie);
    if (!regel) return nooit('BUITEN_RELEASEPROFIEL');
    const velden = toegestaneVelden(regel);
    const grondslag = ontvangerRegel.wettelijk?.categorieen.includes(categorie) ? ontvangerRegel.wettelijk.grondslag : undefined;
    if (!grondslag) return { categorie, bijzonder, velden, regime: 'toestemming', reden: 'GEEN_WETTELIJKE_GRONDSLAG' };
    if (bijzonder) return { categorie, bijzonder, velden, regime: 'toestemming', grondslag, reden: 'BIJZONDER_GEGEVEN' };
    if (regel.voorwaarde === 'alleen-met-toestemming')
      return { categorie, bijzonder, velden, regime: 'toestemming', grondslag, reden: 'PROFIEL_VEREIST_TOESTEMMING' };
    return { categorie, bijzonder, velden, regime: 'wettelijke-grondslag', grondslag };
  });
  return { ...basis, categorieen };
}
