import type { AfsprakenPeriode } from '@ketenregie/monitoring-application';
import { afsprakenQuerySchema, indicatorRapportSchema } from '@ketenregie/monitoring-contracts';
import { INDICATOR_CODES, PERIODE_SOORTEN, type Selectie } from '@ketenregie/monitoring-domain';
import { ValidationError } from '@ketenregie/shared-kernel';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

const maand = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM');
const lijst = <T extends z.ZodType<unknown, string>>(item: T) =>
  z
    .string()
    .transform((s) => s.split(',').filter((x) => x.length > 0))
    .pipe(z.array(item).max(50));

/** Query of `GET /api/v1/indicatoren[/export]`. */
export const indicatorSelectieSchema = z
  .object({
    periode: z.enum(PERIODE_SOORTEN).default('kwartaal'),
    partners: lijst(z.string().regex(/^[a-z0-9-]{1,64}$/)).optional(),
    indicatoren: lijst(z.enum(INDICATOR_CODES)).optional(),
    van: maand.optional(),
    tot: maand.optional(),
  })
  .strict();

/** The selection from the query string. @throws ValidationError `MONITORING.SELECTIE_INVALID`. */
export function selectieVan(query: unknown): Selectie {
  const q = geldig(indicatorSelectieSchema, query, 'The selection of indicators is not valid.');
  return {
    periode: q.periode,
    ...(q.partners ? { partners: q.partners } : {}),
    ...(q.indicatoren ? { indicatoren: q.indicatoren } : {}),
    ...(q.van ? { vanMaand: q.van } : {}),
    ...(q.tot ? { totMaand: q.tot } : {}),
  };
}

/** A released indicator report as served. */
export class IndicatorRapportDto extends createZodDto(indicatorRapportSchema) {}

/** The months of `GET /api/v1/convenanten/{id}/afspraken[/export]`. @throws ValidationError `MONITORING.SELECTIE_INVALID`. */
export function afsprakenPeriodeVan(query: unknown): AfsprakenPeriode {
  const q = geldig(afsprakenQuerySchema, query, 'The selection of months is not valid.');
  return { ...(q.van ? { vanMaand: q.van } : {}), ...(q.tot ? { totMaand: q.tot } : {}) };
}

function geldig<T extends z.ZodType>(schema: T, query: unknown, detail: string): z.output<T> {
  const r = schema.safeParse(query);
  if (r.success) return r.data;
  const fields = Object.fromEntries(r.error.issues.map((i) => [i.path.join('.') || 'query', i.message]));
  throw new ValidationError({ code: 'MONITORING.SELECTIE_INVALID', detail, fields });
}
