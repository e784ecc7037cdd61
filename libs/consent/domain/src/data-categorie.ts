/**
 * The data categories the partnership exchanges about a deelnemer.
 *
 * The AVG class of each category is law, not configuration, so it lives in code:
 * `bijzonder` marks special-category data (AVG art. 9: data concerning health), which is never
 * disclosed on a statutory basis alone in this system.
 *
 * ZRM scores on the health domains (geestelijke gezondheid, lichamelijke gezondheid, verslaving)
 * belong to `gezondheid`, not to `zrm`: the `zrm` category covers the other ZRM domains only.
 * Functional limitations for work (`beperkingen-werk`) describe health consequences and are
 * therefore special-category data too; a diagnosis is only ever part of `gezondheid`.
 */
export const DATA_CATEGORIEEN = [
  'contact',
  'traject-status',
  'participatieladder',
  'zrm',
  'gezondheid',
  'beperkingen-werk',
  'financien-schulden',
  'uitkering',
  'werkervaring-cv',
  'loonwaarde',
] as const;

/** One of {@link DATA_CATEGORIEEN}. */
export type DataCategorie = (typeof DATA_CATEGORIEEN)[number];

/** What the AVG says about a category and which fields it consists of. */
export interface CategorieDefinitie {
  readonly categorie: DataCategorie;
  /** Special-category data (AVG art. 9). */
  readonly bijzonder: boolean;
  /** The fields of the category, the unit release profiles are expressed in. */
  readonly velden: readonly string[];
}

/** The categories and their fields, `categorie` filled in from the key. */
const DEFINITIES: Readonly<Record<DataCategorie, Omit<CategorieDefinitie, 'categorie'>>> = {
  contact: { bijzonder: false, velden: ['naam', 'telefoon', 'email', 'adres', 'voorkeurskanaal'] },
  'traject-status': { bijzonder: false, velden: ['programma', 'fase', 'regievoerder', 'volgende-evaluatie', 'uitvalreden'] },
  participatieladder: { bijzonder: false, velden: ['trede', 'meetdatum', 'gemeten-door'] },
  zrm: {
    bijzonder: false,
    velden: [
      'financien',
      'werk-opleiding',
      'tijdsbesteding',
      'huisvesting',
      'huiselijke-relaties',
      'basale-adl',
      'instrumentele-adl',
      'sociaal-netwerk',
      'maatschappelijke-participatie',
      'justitie',
    ],
  },
  gezondheid: {
    bijzonder: true,
    velden: ['diagnose', 'behandelaar', 'behandelstatus', 'zrm-geestelijke-gezondheid', 'zrm-lichamelijke-gezondheid', 'zrm-verslaving'],
  },
  'beperkingen-werk': { bijzonder: true, velden: ['functionele-beperkingen', 'belastbaarheid-uren', 'aanpassingen-werkplek'] },
  'financien-schulden': { bijzonder: false, velden: ['schuldenlast', 'schuldeisers', 'bewindvoering', 'schuldhulptraject'] },
  uitkering: { bijzonder: false, velden: ['uitkeringssoort', 'ingangsdatum', 'ontheffing-arbeidsplicht'] },
  'werkervaring-cv': { bijzonder: false, velden: ['opleidingen', 'werkervaring', 'vaardigheden', 'wensen'] },
  loonwaarde: { bijzonder: false, velden: ['loonwaarde-percentage', 'meetdatum', 'herbeoordeling'] },
};

/** The catalogue of categories and their fields. */
export const CATEGORIE_CATALOGUS = Object.fromEntries(DATA_CATEGORIEEN.map((categorie) => [categorie, { categorie, ...DEFINITIES[categorie] }])) as Readonly<
  Record<DataCategorie, CategorieDefinitie>
>;

/** True when the category is special-category data (AVG art. 9). */
export function isBijzonderGegeven(categorie: DataCategorie): boolean {
  return CATEGORIE_CATALOGUS[categorie].bijzonder;
}

/** Type guard for untrusted input. */
export function isDataCategorie(value: string): value is DataCategorie {
  return (DATA_CATEGORIEEN as readonly string[]).includes(value);
}
