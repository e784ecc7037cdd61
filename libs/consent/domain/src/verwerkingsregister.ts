import { CATEGORIE_CATALOGUS, type DataCategorie, isBijzonderGegeven } from './data-categorie';
import { type Art9Uitzondering, type WettelijkeGrondslag } from './grondslag';
import { type OrganisatieType } from './organisatie';

/** How long data processed under an activity is kept, and from which moment the term runs. */
export interface Bewaartermijn {
  readonly jaren: number;
  readonly vanaf: 'einde-traject' | 'verwerking';
}

/**
 * A recipient type the register foresees for an activity (AVG art. 30(1)(d)). Disclosure to it
 * always needs a lawful basis per category: either `wettelijk` lists the category, or the
 * deelnemer's consent covers it.
 */
export interface OntvangerRegel {
  readonly type: OrganisatieType;
  /** Categories this type may receive on a statutory basis, without consent. */
  readonly wettelijk?: {
    readonly grondslag: WettelijkeGrondslag;
    readonly categorieen: readonly DataCategorie[];
  };
}

/**
 * One verwerkingsactiviteit of the partnership (AVG art. 30; Logboek Dataverwerkingen register).
 * `id` is stable across versions; every decision and log line refers to one `(id, versie)`.
 */
export interface Verwerkingsactiviteit {
  readonly id: string;
  readonly versie: number;
  readonly naam: string;
  /** The purpose code requests use (doelbinding): exactly one activity per purpose per register version. */
  readonly doel: string;
  readonly doelomschrijving: string;
  /** Joint controllers (AVG art. 26) by organisation type. */
  readonly verwerkingsverantwoordelijken: readonly OrganisatieType[];
  /** The art. 9(2) exceptions relied on when the activity includes special-category data. */
  readonly art9: readonly Art9Uitzondering[];
  readonly categorieen: readonly DataCategorie[];
  readonly ontvangers: readonly OntvangerRegel[];
  readonly bewaartermijn: Bewaartermijn;
}

/** One rule of a release profile: a category, the fields of it a recipient type may ever receive, and under which condition. */
export interface ReleaseProfielRegel {
  readonly categorie: DataCategorie;
  /** A subset of the category's fields ({@link CATEGORIE_CATALOGUS}), or all of them. */
  readonly velden: 'alle' | readonly string[];
  /** `alleen-met-toestemming`: a statutory basis never suffices for this recipient type. */
  readonly voorwaarde: 'grondslag-of-toestemming' | 'alleen-met-toestemming';
}

/**
 * What a recipient organisation type may ever receive. A category without a rule is never
 * released to that type, whatever the register or a consent says.
 */
export interface ReleaseProfiel {
  readonly ontvangerType: OrganisatieType;
  readonly regels: readonly ReleaseProfielRegel[];
}

/** One version of the partnership's processing register, effective from `geldigVanaf` until the next version. */
export interface RegisterVersie {
  readonly versie: number;
  readonly geldigVanaf: Date;
  readonly activiteiten: readonly Verwerkingsactiviteit[];
  readonly releaseProfielen: readonly ReleaseProfiel[];
}

/** The versioned processing register: versions in ascending order of `versie` and `geldigVanaf`. */
export interface Verwerkingsregister {
  readonly versies: readonly RegisterVersie[];
}

/** The register version in force at `op`, or undefined before the first version. */
export function registerVersieOp(register: Verwerkingsregister, op: Date): RegisterVersie | undefined {
  let gevonden: RegisterVersie | undefined;
  for (const versie of register.versies) {
    if (versie.geldigVanaf.getTime() <= op.getTime() && (!gevonden || versie.versie > gevonden.versie)) {
      gevonden = versie;
    }
  }
  return gevonden;
}

/** The activity for a purpose in one register version. */
export function activiteitVoorDoel(versie: RegisterVersie, doel: string): Verwerkingsactiviteit | undefined {
  return versie.activiteiten.find((a) => a.doel === doel);
}

/** The release profile rule for a recipient type and category, if the type may ever receive it. */
export function releaseRegel(versie: RegisterVersie, ontvangerType: OrganisatieType, categorie: DataCategorie): ReleaseProfielRegel | undefined {
  return versie.releaseProfielen.find((p) => p.ontvangerType === ontvangerType)?.regels.find((r) => r.categorie === categorie);
}

/** The fields a release rule allows, resolved against the category catalogue. */
export function toegestaneVelden(regel: ReleaseProfielRegel): readonly string[] {
  const alle = CATEGORIE_CATALOGUS[regel.categorie].velden;
  return regel.velden === 'alle' ? alle : alle.filter((veld) => regel.velden.includes(veld));
}

/** A defect in a register version, found by {@link valideerRegister}. */
export interface RegisterProbleem {
  readonly versie: number;
  readonly code:
    | 'VERSIES_NIET_OPLOPEND'
    | 'DOEL_DUBBEL'
    | 'ACTIVITEIT_DUBBEL'
    | 'WETTELIJKE_CATEGORIE_NIET_IN_ACTIVITEIT'
    | 'BIJZONDER_ZONDER_ART9'
    | 'ONBEKEND_VELD'
    | 'PROFIEL_DUBBEL';
  readonly detail: string;
}

/**
 * Checks the invariants the decision function relies on: versions ascend in number and date,
 * one activity per purpose and per id in a version, statutory categories are part of the
 * activity, special-category data has an art. 9 exception, and profiles name known fields.
 */
export function valideerRegister(register: Verwerkingsregister): readonly RegisterProbleem[] {
  const problemen: RegisterProbleem[] = [];
  register.versies.forEach((versie, index) => {
    const vorige = register.versies[index - 1];
    if (vorige && (versie.versie <= vorige.versie || versie.geldigVanaf.getTime() <= vorige.geldigVanaf.getTime())) {
      problemen.push({ versie: versie.versie, code: 'VERSIES_NIET_OPLOPEND', detail: `na versie ${vorige.versie}` });
    }
    const doelen = new Set<string>();
    const ids = new Set<string>();
    for (const activiteit of versie.activiteiten) {
      if (doelen.has(activiteit.doel)) {
        problemen.push({ versie: versie.versie, code: 'DOEL_DUBBEL', detail: activiteit.doel });
      }
      if (ids.has(activiteit.id)) {
        problemen.push({ versie: versie.versie, code: 'ACTIVITEIT_DUBBEL', detail: activiteit.id });
      }
      doelen.add(activiteit.doel);
      ids.add(activiteit.id);
      for (const ontvanger of activiteit.ontvangers) {
        for (const categorie of ontvanger.wettelijk?.categorieen ?? []) {
          if (!activiteit.categorieen.includes(categorie)) {
            problemen.push({
              versie: versie.versie,
              code: 'WETTELIJKE_CATEGORIE_NIET_IN_ACTIVITEIT',
              detail: `${activiteit.id}: ${ontvanger.type}/${categorie}`,
            });
          }
        }
      }
      if (activiteit.categorieen.some(isBijzonderGegeven) && activiteit.art9.length === 0) {
        problemen.push({ versie: versie.versie, code: 'BIJZONDER_ZONDER_ART9', detail: activiteit.id });
      }
    }
    const typen = new Set<OrganisatieType>();
    for (const profiel of versie.releaseProfielen) {
      if (typen.has(profiel.ontvangerType)) {
        problemen.push({ versie: versie.versie, code: 'PROFIEL_DUBBEL', detail: profiel.ontvangerType });
      }
      typen.add(profiel.ontvangerType);
      for (const regel of profiel.regels) {
        if (regel.velden === 'alle') continue;
        for (const veld of regel.velden) {
          if (!CATEGORIE_CATALOGUS[regel.categorie].velden.includes(veld)) {
            problemen.push({
              versie: versie.versie,
              code: 'ONBEKEND_VELD',
              detail: `${profiel.ontvangerType}/${regel.categorie}.${veld}`,
            });
          }
        }
      }
    }
  });
  return problemen;
}
