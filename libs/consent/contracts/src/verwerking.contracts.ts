import { z } from 'zod';
import { organisatieSchema } from './besluit.contracts';
import {
  DATA_CATEGORIEEN_MAX,
  dataCategorieSchema,
  doelSchema,
  instantSchema,
  opaqueIdSchema,
  organisatieTypeSchema,
  toestemmingSchema,
} from './toestemming.contracts';

/**
 * `POST`: another service reports that it read or disclosed another organisation's data about a
 * deelnemer (Logboek Dataverwerkingen). Append-only: there is no PUT, PATCH or DELETE.
 */
export const VERWERKINGEN_PATH = '/api/v1/verwerkingen';
/** `GET`: recompute the hash chain of the processing log (role `fg`). */
export const VERIFICATIE_PATH = '/api/v1/verwerkingen/verificatie';
/** `GET`: the deelnemer's consents and who processed which of their data, when and why. */
export const inzagePath = (deelnemerId: string) => `/api/v1/deelnemers/${encodeURIComponent(deelnemerId)}/inzage`;

const traceIdSchema = z
  .string()
  .regex(/^[0-9a-f]{32}$/)
  .refine((v) => !/^0+$/.test(v), 'all-zero trace id');
const spanIdSchema = z
  .string()
  .regex(/^[0-9a-f]{16}$/)
  .refine((v) => !/^0+$/.test(v), 'all-zero span id');

/**
 * `POST /api/v1/verwerkingen`: one processing of one deelnemer's data. The processing
 * organisation is the caller's (token); the service pseudonymises `deelnemerId` before it is
 * written and never stores it in the log.
 */
export const verwerkingMeldingSchema = z
  .object({
    traceId: traceIdSchema,
    spanId: spanIdSchema,
    parentSpanId: spanIdSchema.optional(),
    /** `wissing`: the deelnemer's data was erased (AVG art. 17); the line holds only the pseudonym. */
    handeling: z.enum(['verstrekking', 'raadpleging', 'wissing']),
    /** `geweigerd`: a read that was refused (e.g. a withdrawn dossier); it is logged all the same. */
    status: z.enum(['ok', 'geweigerd']).default('ok'),
    deelnemerId: opaqueIdSchema,
    ontvanger: organisatieSchema.optional(),
    doel: doelSchema,
    categorieen: z.array(dataCategorieSchema).max(DATA_CATEGORIEEN_MAX),
    /** The decision this processing relied on (required for a disclosure). */
    besluitId: opaqueIdSchema.optional(),
  })
  .strict()
  .refine((m) => m.status === 'ok' || m.handeling === 'raadpleging', { message: 'Only a read can be refused', path: ['status'] })
  .refine((m) => m.status === 'geweigerd' || m.categorieen.length > 0, {
    message: 'A processing that happened names at least one category',
    path: ['categorieen'],
  })
  .refine((m) => m.handeling !== 'verstrekking' || (m.besluitId !== undefined && m.ontvanger !== undefined), {
    message: 'A disclosure names its recipient and the decision that permitted it',
    path: ['besluitId'],
  });

/** The result of `GET /api/v1/verwerkingen/verificatie`. */
export const verificatieSchema = z.object({
  geldig: z.boolean(),
  aantal: z.number().int().describe('Lines verified before the first break, or all'),
  kopHash: z.string().optional().describe('Hash over the heads of all chains; publish it to detect truncation'),
  anker: z
    .object({
      geldig: z.boolean(),
      tijdstip: z.string(),
      afwijking: z.object({ keten: z.number().int(), volgnummer: z.number().int() }).optional(),
    })
    .optional()
    .describe('The log against the newest signed anchor of its heads kept outside the database (absent before the first anchor)'),
  breuk: z
    .object({
      keten: z.number().int(),
      volgnummer: z.number().int(),
      reden: z.enum(['VOLGNUMMER_ONTBREEKT', 'KETEN_ONDERBROKEN', 'HASH_ONJUIST', 'VERKEERDE_KETEN', 'SLEUTEL_ONJUIST']),
    })
    .optional(),
  gecontroleerdOp: instantSchema,
});

/** One line of the processing log as the deelnemer sees it. */
export const inzageVerwerkingSchema = z.object({
  keten: z.number().int(),
  volgnummer: z.number().int().describe('Position in its chain'),
  tijdstip: instantSchema,
  handeling: z.enum([
    'besluit',
    'verstrekking',
    'raadpleging',
    'wissing',
    'inzage',
    'toestemming-gegeven',
    'toestemming-ingetrokken',
    'toestemming-verlopen',
    'toestemming-vervangen',
  ]),
  status: z.enum(['ok', 'geweigerd', 'deels']),
  organisatie: z.string(),
  ontvanger: z.string().optional(),
  doel: z.string().optional(),
  verwerkingsactiviteit: z.object({ id: z.string(), versie: z.number().int(), naam: z.string(), doelomschrijving: z.string() }).optional(),
  categorieen: z.array(dataCategorieSchema),
  grondslagen: z.array(z.string()),
  toestemmingen: z.array(opaqueIdSchema),
  traceId: z.string(),
});

/**
 * `GET /api/v1/deelnemers/{id}/inzage`: the deelnemer's consents (with history) and every
 * processing of their data in log order. Reading it is itself logged (handeling `inzage`).
 */
export const inzageSchema = z.object({
  deelnemerId: opaqueIdSchema,
  opgesteldOp: instantSchema,
  toestemmingen: z.array(toestemmingSchema),
  verwerkingen: z.array(inzageVerwerkingSchema),
});

/** `GET /api/v1/verwerkingen`: a page of the log for the FG, after (naKeten, naVolgnummer). */
export const verwerkingLijstQuerySchema = z
  .object({
    naKeten: z.coerce.number().int().min(0).max(32_767).optional(),
    naVolgnummer: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
    limiet: z.coerce.number().int().min(1).max(1000).default(100),
  })
  .strict();

/** One stored log line as the FG reads it: pseudonymised subject, chain position and hashes. */
export const verwerkingsregelSchema = z.object({
  keten: z.number().int(),
  volgnummer: z.number().int(),
  vorigeHash: z.string(),
  hash: z.string(),
  traceId: z.string(),
  spanId: z.string(),
  parentSpanId: z.string().optional(),
  handeling: z.string(),
  status: z.enum(['ok', 'geweigerd', 'deels']),
  tijdstip: instantSchema,
  verwerkingsactiviteit: z.object({ id: z.string(), versie: z.number().int() }).optional(),
  betrokkene: z.string().describe('Keyed pseudonym of the data subject'),
  organisatie: z.string(),
  ontvanger: z.string().optional(),
  doel: z.string().optional(),
  categorieen: z.array(dataCategorieSchema),
  grondslagen: z.array(z.string()),
  toestemmingen: z.array(z.string()),
});

export const verwerkingPaginaSchema = z.object({
  regels: z.array(verwerkingsregelSchema),
  /** Pass as naKeten/naVolgnummer for the next page; absent on the last page. */
  volgende: z.object({ naKeten: z.number().int(), naVolgnummer: z.number().int() }).optional(),
});

export type VerwerkingLijstQueryDto = z.infer<typeof verwerkingLijstQuerySchema>;
export type VerwerkingPaginaDto = z.infer<typeof verwerkingPaginaSchema>;
export type VerwerkingMeldingDto = z.infer<typeof verwerkingMeldingSchema>;
export type VerificatieDto = z.infer<typeof verificatieSchema>;
export type InzageDto = z.infer<typeof inzageSchema>;

/** `GET`: what each recipient type may get for a purpose (release profiles of the register in force); no personal data. */
export const VRIJGAVEPROFIELEN_PATH = '/api/v1/vrijgaveprofielen';

/** Query of `GET /api/v1/vrijgaveprofielen`. */
export const vrijgaveQuerySchema = z
  .object({
    doel: doelSchema.default('warme-overdracht').describe('Purpose code of the register (default: warme-overdracht)'),
    ontvangerType: organisatieTypeSchema.optional().describe('Only this recipient type (default: every type)'),
  })
  .strict();

/** One category of the purpose for one recipient type: its fields, and whether consent is needed. */
export const vrijgaveRegelSchema = z.object({
  categorie: dataCategorieSchema,
  bijzonder: z.boolean().describe('Special-category data (AVG art. 9)'),
  velden: z.array(z.string()).describe('Fields the release profile allows (none when the category never goes)'),
  regime: z
    .enum(['wettelijke-grondslag', 'toestemming', 'nooit'])
    .describe('wettelijke-grondslag: no consent needed; toestemming: only with consent; nooit: not to this recipient type'),
  grondslag: z.object({ avg: z.string(), wet: z.string() }).optional().describe('The statutory basis the register records, also where it does not suffice'),
  reden: z.string().optional(),
});

/** The release profile of one recipient type for a purpose. */
export const vrijgaveOverzichtSchema = z.object({
  doel: z.string(),
  ontvangerType: organisatieTypeSchema,
  registerVersie: z.number().int().optional(),
  activiteit: z.object({ id: z.string(), versie: z.number().int(), naam: z.string() }).optional(),
  categorieen: z.array(vrijgaveRegelSchema),
});

export type VrijgaveQueryDto = z.infer<typeof vrijgaveQuerySchema>;
export type VrijgaveOverzichtDto = z.infer<typeof vrijgaveOverzichtSchema>;

/** `GET /verwerkingsregister`: the versioned processing register (AVG art. 30), oldest version first. */
export const verwerkingsregisterSchema = z.object({
  versies: z.array(
    z.object({
      versie: z.number().int(),
      geldigVanaf: instantSchema,
      activiteiten: z.array(
        z.object({
          id: z.string(),
          versie: z.number().int(),
          naam: z.string(),
          doel: z.string(),
          doelomschrijving: z.string(),
          verwerkingsverantwoordelijken: z.array(organisatieTypeSchema),
          art9: z.array(z.string()),
          categorieen: z.array(dataCategorieSchema),
          ontvangers: z.array(
            z.object({
              type: organisatieTypeSchema,
              wettelijk: z.object({ grondslag: z.object({ avg: z.string(), wet: z.string() }), categorieen: z.array(dataCategorieSchema) }).optional(),
            }),
          ),
          bewaartermijn: z.object({ jaren: z.number(), vanaf: z.enum(['einde-traject', 'verwerking']) }),
        }),
      ),
      releaseProfielen: z.array(
        z.object({
          ontvangerType: organisatieTypeSchema,
          regels: z.array(
            z.object({
              categorie: dataCategorieSchema,
              velden: z.union([z.literal('alle'), z.array(z.string())]),
              voorwaarde: z.enum(['grondslag-of-toestemming', 'alleen-met-toestemming']),
            }),
          ),
        }),
      ),
    }),
  ),
});
