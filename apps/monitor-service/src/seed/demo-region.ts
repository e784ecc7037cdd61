import { organisatieSchema } from '@ketenregie/monitoring-contracts';
import type { Organisatie, Stuurgroep } from '@ketenregie/monitoring-domain';
import { z } from 'zod';
import regioBestand from './demo-region.data.json';

/** The shape of `demo-region.data.json`: the partner organisations, and the stuurgroepen by their members' ids. */
const demoRegioSchema = z.strictObject({
  organisaties: z.array(organisatieSchema.strict()),
  stuurgroepen: z.array(z.strictObject({ id: z.string(), naam: z.string(), leden: z.array(z.string()) })),
});

/** The demo region file, read once; a file that does not fit fails with every defect named. */
function laadDemoRegio(bestand: unknown, naam: string): { organisaties: readonly Organisatie[]; stuurgroepen: readonly Stuurgroep[] } {
  const gelezen = demoRegioSchema.safeParse(bestand);
  if (!gelezen.success) throw new Error(`${naam} klopt niet:\n${z.prettifyError(gelezen.error)}`);
  return gelezen.data;
}

/**
 * The demo region `npm start` seeds (`demo-region.data.json`): a fictional partnership around the
 * gemeente Dommeldal. Ids are stable; names are invented (any likeness to a real organisation is accidental).
 * The stuurgroep of the region's convenant has every partner that committed time and expertise.
 */
const DEMO_REGIO = laadDemoRegio(regioBestand, 'demo-region.data.json');

/** The partner organisations of the demo region. */
export const DEMO_ORGANISATIES: readonly Organisatie[] = DEMO_REGIO.organisaties;

/** The stuurgroepen of the demo region's convenant. */
export const DEMO_STUURGROEPEN: readonly Stuurgroep[] = DEMO_REGIO.stuurgroepen;
