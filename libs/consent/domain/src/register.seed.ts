import { z } from 'zod';
import { DATA_CATEGORIEEN } from './data-categorie';
import { ART6_GRONDSLAGEN, ART9_UITZONDERINGEN } from './grondslag';
import { ORGANISATIE_TYPEN } from './organisatie';
import registerBestand from './register.seed.data.json';
import { type RegisterVersie, valideerRegister, type Verwerkingsactiviteit, type Verwerkingsregister } from './verwerkingsregister';

const tekst = z.string().min(1);
const geheel = z.number().int().positive();
const categorieen = z.array(z.enum(DATA_CATEGORIEEN));
const organisatieType = z.enum(ORGANISATIE_TYPEN);

/**
 * The shape of `register.seed.data.json`: legal bases, activity versions and release profile sets
 * each written once; a register version names its activities (`<id>@<versie>`) and its set of
 * release profiles, and a statutory recipient names its legal basis, by key.
 */
const registerBestandSchema = z.strictObject({
  grondslagen: z.record(z.string(), z.strictObject({ avg: z.enum(ART6_GRONDSLAGEN), wet: tekst })),
  activiteiten: z.array(
    z.strictObject({
      id: tekst,
      versie: geheel,
      naam: tekst,
      doel: tekst,
      doelomschrijving: tekst,
      verwerkingsverantwoordelijken: z.array(organisatieType),
      art9: z.array(z.enum(ART9_UITZONDERINGEN)),
      categorieen,
      ontvangers: z.array(z.strictObject({ type: organisatieType, wettelijk: z.strictObject({ grondslag: tekst, categorieen }).optional() })),
      bewaartermijn: z.strictObject({ jaren: geheel, vanaf: z.enum(['einde-traject', 'verwerking']) }),
    }),
  ),
  releaseProfielen: z.record(
    z.string(),
    z.array(
      z.strictObject({
        ontvangerType: organisatieType,
        regels: z.array(
          z.strictObject({
            categorie: z.enum(DATA_CATEGORIEEN),
            velden: z.union([z.literal('alle'), z.array(tekst)]),
            voorwaarde: z.enum(['grondslag-of-toestemming', 'alleen-met-toestemming']),
          }),
        ),
      }),
    ),
  ),
  versies: z.array(z.strictObject({ versie: geheel, geldigVanaf: z.iso.datetime(), activiteiten: z.array(tekst), releaseProfielen: tekst })),
});

/** The register a file describes, its references resolved; a reference to nothing is an issue at its path. */
const verwerkingsregisterBestand = registerBestandSchema.transform((b, ctx): Verwerkingsregister => {
  const zoek = <T>(lijst: Readonly<Record<string, T>>, sleutel: string, path: (string | number)[]): T => {
    if (Object.hasOwn(lijst, sleutel)) return lijst[sleutel];
    ctx.issues.push({ code: 'custom', message: `onbekende verwijzing ${JSON.stringify(sleutel)}`, input: sleutel, path });
    return z.NEVER;
  };
  const activiteiten: Record<string, Verwerkingsactiviteit> = {};
  b.activiteiten.forEach((a, i) => {
    activiteiten[`${a.id}@${a.versie}`] = {
      ...a,
      ontvangers: a.ontvangers.map(({ type, wettelijk }, j) =>
        wettelijk
          ? {
              type,
              wettelijk: { ...wettelijk, grondslag: zoek(b.grondslagen, wettelijk.grondslag, ['activiteiten', i, 'ontvangers', j, 'wettelijk', 'grondslag']) },
            }
          : { type },
      ),
    };
  });
  const versies = b.versies.map((v, i): RegisterVersie => ({
    versie: v.versie,
    geldigVanaf: new Date(v.geldigVanaf),
    activiteiten: v.activiteiten.map((sleutel, j) => zoek(activiteiten, sleutel, ['versies', i, 'activiteiten', j])),
    releaseProfielen: zoek(b.releaseProfielen, v.releaseProfielen, ['versies', i, 'releaseProfielen']),
  }));
  return { versies };
});

/** Reads a processing register file once; a file that does not fit the schema or breaks the register's invariants fails with every defect named. */
function laadRegister(bestand: unknown, naam: string): Verwerkingsregister {
  const gelezen = verwerkingsregisterBestand.safeParse(bestand);
  if (!gelezen.success) throw new Error(`${naam} klopt niet:\n${z.prettifyError(gelezen.error)}`);
  const problemen = valideerRegister(gelezen.data);
  if (problemen.length > 0) throw new Error(`${naam} klopt niet: ${problemen.map((p) => `versie ${p.versie} ${p.code} ${p.detail}`).join('; ')}`);
  return gelezen.data;
}

/**
 * The demo partnership's processing register (gemeente, uitvoerders, werkgevers, GGZ and the
 * wijkteam under one convenant), as versioned data in `register.seed.data.json`. Version 2 adds
 * schuldhulpverlening and lets a deelnemer disclose work-related limitations to an employer
 * (`va-bemiddeling-werk@2`); version 3 adds the werkgever lane's proposals (`plaatsing-werkgever`:
 * contact details and work experience with consent, limitations only with explicit consent, the
 * loonwaarde on the loonkostensubsidie basis). The release profiles: the gemeente learns whether
 * treatment runs, never the diagnosis; a werkgever never receives health data or a diagnosis,
 * whatever the consent says; GGZ gets no financial detail unless the deelnemer consents.
 */
export const DEMO_REGISTER: Verwerkingsregister = laadRegister(registerBestand, 'register.seed.data.json');
