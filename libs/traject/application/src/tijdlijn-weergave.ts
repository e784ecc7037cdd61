import { alsZin, FASE_LABELS, formatDutchDate as formatDatum, formatDutchMoment, labelVan, TAAK_LABELS, UITVAL_REDEN_LABELS } from '@ketenregie/shared-kernel';
import type { TijdlijnGebeurtenis } from '@ketenregie/traject-contracts';

/**
 * The timeline for people: Dutch labels, the date and the moment it was recorded in
 * Europe/Amsterdam, who did it (role and organisation by name), and what changed. No codes and
 * no ids: a coach reads it at a glance. Pure; the caller supplies names and recording moments.
 */

export const faseLabel = labelVan(FASE_LABELS);

export const taakLabel = labelVan(TAAK_LABELS);

const rolLabel = labelVan({
  klantmanager: 'Klantmanager',
  coach: 'Coach',
  jobcoach: 'Jobcoach',
  behandelaar: 'Behandelaar',
  regievoerder: 'Regievoerder',
});
const kanaalLabel = labelVan({ telefoon: 'telefonisch', brief: 'per brief', huisbezoek: 'met een huisbezoek', app: 'via een app' });
const uitkomstLabel = labelVan({
  'geen-gehoor': 'geen gehoor',
  geweigerd: 'de deelnemer zei nee',
  'afspraak-gemaakt': 'afspraak gemaakt',
  'onjuist-adres': 'onjuist adres',
});
const vormLabel = labelVan({
  gesprek: 'gesprek',
  huisbezoek: 'huisbezoek',
  telefonisch: 'telefonisch gesprek',
  app: 'contact via een app',
  groep: 'groepsbijeenkomst',
});
export const uitvalRedenLabel = labelVan(UITVAL_REDEN_LABELS);
const pauzeRedenLabel = labelVan({
  ziekte: 'ziekte',
  opname: 'opname',
  detentie: 'detentie',
  zwangerschap: 'zwangerschap',
  mantelzorg: 'mantelzorg',
  overig: 'andere reden',
});
const vervolgLabel = labelVan({
  scholing: 'scholing',
  vrijwilligerswerk: 'vrijwilligerswerk',
  'betaald-werk': 'betaald werk',
  hulpverlening: 'hulpverlening',
  anders: 'een ander vervolg',
});
const instrumentLabel = labelVan({
  participatieladder: 'Participatieladder',
  zrm: 'Zelfredzaamheid-Matrix',
  gas: 'GAS-doelen',
  'gedragsmodel-tilburg': 'Integratief Gedragsmodel',
  'positieve-gezondheid': 'Positieve Gezondheid',
});
const meetmomentLabel = labelVan({ T0: 'beginmeting (T0)', T1: 'eindmeting (T1)', tussentijds: 'tussentijdse meting' });
const coachwisselRedenLabel = labelVan({ vertrek: 'vertrek van de coach', 'geen-klik': 'geen klik', overig: 'andere reden' });
const aanmeldredenLabel = labelVan({ activering: 'activering', 'zorg-en-participatie': 'zorg en participatie', 'toeleiding-werk': 'toeleiding naar werk' });
const overdrachtStatusLabel = labelVan({
  'regie-overgedragen': 'de regie is overgedragen',
  'toestemming-geweigerd': 'de deelnemer gaf geen toestemming',
  'toestemming-ingetrokken': 'de deelnemer trok de toestemming in',
  'toestemming-verlopen': 'de toestemming is verlopen',
  geannuleerd: 'geannuleerd',
  'ontvanger-onbereikbaar': 'de ontvanger reageerde niet',
  'tweemaal-afgewezen': 'twee keer afgewezen',
  'niet-gestart': 'niet gestart',
  afgebroken: 'afgebroken',
});

type Gegevens = TijdlijnGebeurtenis['gegevens'];

const tekst = (g: Gegevens, sleutel: string): string => (typeof g[sleutel] === 'string' ? (g[sleutel] as string) : '');
const getal = (g: Gegevens, sleutel: string): number | undefined => (typeof g[sleutel] === 'number' ? (g[sleutel] as number) : undefined);

/** Organisation names by id; `undefined` when the registry does not know one. */
export type OrganisatieNamen = (organisatieId: string) => string | undefined;

/** What happened, in a title and the details that matter. */
export function beschrijfGebeurtenis(soort: string, g: Gegevens, naam: OrganisatieNamen): { titel: string; details: string[] } {
  const organisatie = (sleutel: string) => (tekst(g, sleutel) ? (naam(tekst(g, sleutel)) ?? 'een andere organisatie') : '');
  switch (soort) {
    case 'aangemeld':
      return {
        titel: 'Aangemeld voor het traject',
        details: [tekst(g, 'aanmeldreden') && `Reden van aanmelding: ${aanmeldredenLabel(tekst(g, 'aanmeldreden'))}`].filter(Boolean),
      };
    case 'coach-toegewezen':
      return { titel: 'Coach toegewezen', details: tekst(g, 'organisatieId') ? [`Coach van ${organisatie('organisatieId')}`] : [] };
    case 'fase-gewijzigd':
      return {
        titel: `Nieuwe fase: ${faseLabel(tekst(g, 'naar'))}`,
        details: [
          ...(tekst(g, 'van') ? [`Vorige fase: ${faseLabel(tekst(g, 'van'))}`] : []),
          ...(g['terugval'] ? ['Na een terugval'] : []),
          ...(g['heropening'] ? ['Na heropening'] : []),
        ],
      };
    case 'contactpoging': {
      const details = [`Uitkomst: ${uitkomstLabel(tekst(g, 'uitkomst'))}`];
      const pogingen = getal(g, 'belpogingen');
      if (pogingen) details.push(`${pogingen} ${pogingen === 1 ? 'belpoging' : 'belpogingen'} zonder gehoor tot nu toe`);
      const nee = getal(g, 'weigeringen');
      if (nee) details.push(`${nee} keer nee gezegd tot nu toe`);
      return { titel: `Contact geprobeerd ${kanaalLabel(tekst(g, 'kanaal'))}`, details };
    }
    case 'contactmoment': {
      const details: string[] = [];
      const minuten = getal(g, 'minuten');
      if (minuten) details.push(`${minuten} minuten`);
      if (tekst(g, 'interventie')) details.push(`Interventie: ${alsZin(tekst(g, 'interventie')).toLowerCase()}`);
      const gesprek = getal(g, 'gesprek');
      if (gesprek) details.push(`Kennismakingsgesprek ${gesprek}${g['meerDanGebruikelijk'] ? ', meer dan gebruikelijk' : ''}`);
      return { titel: `Contactmoment: ${vormLabel(tekst(g, 'vorm'))}`, details };
    }
    case 'no-show': {
      const keer = getal(g, 'noShows');
      return { titel: `Niet verschenen (${vormLabel(tekst(g, 'vorm'))})`, details: keer ? [`${keer} keer niet verschenen in totaal`] : [] };
    }
    case 'kennismaking-afgerond':
      return { titel: 'Kennismaking afgerond', details: [g['klik'] ? 'Er is een klik tussen coach en deelnemer' : 'Geen klik tussen coach en deelnemer'] };
    case 'meting':
      return {
        titel: `Meting vastgelegd: ${meetmomentLabel(tekst(g, 'meetmoment'))}`,
        details: tekst(g, 'instrumenten') ? [`Instrumenten: ${tekst(g, 'instrumenten').split(',').map(instrumentLabel).join(', ')}`] : [],
      };
    case 'plan-vastgesteld':
      return { titel: 'Plan van aanpak vastgesteld', details: [`${getal(g, 'doelen') ?? 0} SMART-doelen, ${getal(g, 'gasDoelen') ?? 0} GAS-doelen`] };
    case 'plan-ondertekend':
      return {
        titel: 'Plan van aanpak ondertekend',
        details: [`Door de ${tekst(g, 'door') === 'wettelijk-vertegenwoordiger' ? 'wettelijk vertegenwoordiger' : 'deelnemer'}`],
      };
    case 'evaluatie':
      return { titel: `Evaluatie ${getal(g, 'nr') ?? ''}`.trim(), details: [tekst(g, 'besluit') === 'afronden' ? 'Besluit: afronden' : 'Besluit: doorgaan'] };
    case 'afgerond':
      return {
        titel: 'Traject afgerond',
        details: [`Vervolg: ${vervolgLabel(tekst(g, 'vervolg'))}`, ...(tekst(g, 'overdrachtAan') ? [`Overgedragen aan ${organisatie('overdrachtAan')}`] : [])],
      };
    case 'gepauzeerd':
      return { titel: 'Traject gepauzeerd', details: [`Reden: ${pauzeRedenLabel(tekst(g, 'reden'))}`] };
    case 'hervat': {
      const dagen = getal(g, 'gepauzeerdeWerkdagen');
      return {
        titel: 'Traject hervat',
        details: dagen !== undefined ? [`${dagen} ${dagen === 1 ? 'werkdag' : 'werkdagen'} gepauzeerd; de termijnen schuiven mee`] : [],
      };
    }
    case 'uitgevallen':
      return { titel: 'Deelnemer uitgevallen', details: [`Reden: ${uitvalRedenLabel(tekst(g, 'reden'))}`] };
    case 'terugval':
      return {
        titel: `Terug naar fase ${faseLabel(tekst(g, 'naar')).toLowerCase()}`,
        details: tekst(g, 'van') ? [`Was in fase ${faseLabel(tekst(g, 'van')).toLowerCase()}`] : [],
      };
    case 'heropend':
      return { titel: 'Traject heropend', details: tekst(g, 'naar') ? [`Verder in fase ${faseLabel(tekst(g, 'naar')).toLowerCase()}`] : [] };
    case 'regie-gewijzigd':
      return {
        titel: 'Regie overgedragen',
        details: tekst(g, 'naarOrganisatieId')
          ? [
              tekst(g, 'vanOrganisatieId') === tekst(g, 'naarOrganisatieId')
                ? `Andere regievoerder bij ${organisatie('naarOrganisatieId')}`
                : `Van ${organisatie('vanOrganisatieId')} naar ${organisatie('naarOrganisatieId')}`,
            ]
          : [],
      };
    case 'coach-gewijzigd':
      return { titel: 'Andere coach', details: [`Reden: ${coachwisselRedenLabel(tekst(g, 'reden'))}`] };
    case 'verlengd':
      return {
        titel: 'Traject verlengd',
        details: tekst(g, 'geplandeEinddatum') ? [`Nieuwe geplande einddatum: ${formatDatum(tekst(g, 'geplandeEinddatum'))}`] : [],
      };
    case 'termijn-verlopen':
      return {
        titel: `Termijn verstreken: ${taakLabel(tekst(g, 'termijn')).toLowerCase()}`,
        details: tekst(g, 'vervalt') ? [`Uiterlijk op ${formatDatum(tekst(g, 'vervalt'))}`] : [],
      };
    case 'geescaleerd':
      return { titel: `Geëscaleerd naar de regievoerder: ${taakLabel(tekst(g, 'termijn')).toLowerCase()}`, details: [] };
    case 'casuistiekoverleg-geagendeerd':
      return { titel: 'Geagendeerd voor het casuïstiekoverleg', details: tekst(g, 'overleg') ? [`Overleg op ${formatDatum(tekst(g, 'overleg'))}`] : [] };
    case 'casuistiekoverleg-gehouden': {
      const namen = (sleutel: string) =>
        tekst(g, sleutel)
          .split(',')
          .filter((o) => o !== '')
          .map((o) => naam(o) ?? 'een andere organisatie');
      const aanwezig = namen('aanwezig');
      return {
        titel: 'Besproken in het casuïstiekoverleg',
        details: [
          `Aanwezig: ${aanwezig.length > 0 ? aanwezig.join(', ') : 'geen van de betrokken organisaties'}`,
          `Uitgenodigd: ${namen('genodigd').join(', ')}`,
        ],
      };
    }
    case 'overdracht-aangevraagd':
      return { titel: 'Warme overdracht aangevraagd', details: tekst(g, 'ontvanger') ? [`Aan ${organisatie('ontvanger')}`] : [] };
    case 'overdracht-beeindigd':
      return {
        titel: 'Warme overdracht beëindigd',
        details: [
          ...(tekst(g, 'status') ? [`Uitkomst: ${overdrachtStatusLabel(tekst(g, 'status'))}`] : []),
          ...(tekst(g, 'nieuweOrganisatie') ? [`Nieuwe regie: ${organisatie('nieuweOrganisatie')}`] : []),
        ],
      };
    case 'afgesloten':
      return { titel: 'Traject afgesloten', details: [] };
    default:
      return { titel: alsZin(soort), details: [] };
  }
}

/** One entry of the timeline for people (`GET /api/v1/trajecten/{id}/verloop`). */
export interface LeesbareGebeurtenis {
  /** Position in the timeline (1 = first). */
  readonly volgnummer: number;
  /** The business date, `YYYY-MM-DD`, for machines (`<time datetime>`). */
  readonly datum: string;
  /** The business date for people: `7 december 2026`. */
  readonly datumTekst: string;
  /** When it was recorded, for people: `7 december 2026, 14:05` (Europe/Amsterdam); absent until it is recorded. */
  readonly vastgelegdOp?: string;
  readonly titel: string;
  /** What changed. */
  readonly details: readonly string[];
  /** Who did it: `Coach van Stichting Werkbrug Dommeldal`, or `Ketenregie` for what the passing of time caused. */
  readonly door: string;
  /** The phase after the event. */
  readonly fase: string;
}

/** Events the passing of time causes, not a person. */
const DOOR_DE_TIJD: readonly string[] = ['termijn-verlopen', 'geescaleerd', 'casuistiekoverleg-geagendeerd'];

/**
 * Who issued an event: role and organisation by name, never an id. An event without its own
 * issuer follows from the one before it (the phase a command or the start led to), except what
 * the passing of time causes.
 */
function doorWie(g: TijdlijnGebeurtenis, vorige: string | undefined, naam: OrganisatieNamen): string {
  const organisatie = tekst(g.gegevens, 'doorOrganisatie');
  const rol = tekst(g.gegevens, 'doorRol');
  if (organisatie) return `${rol ? rolLabel(rol) : 'Medewerker'} van ${naam(organisatie) ?? 'een andere organisatie'}`;
  // The start is recorded without a command: the lead organisation registered it.
  if (g.soort === 'aangemeld' && tekst(g.gegevens, 'organisatieId'))
    return `Regievoerder van ${naam(tekst(g.gegevens, 'organisatieId')) ?? 'een andere organisatie'}`;
  if (DOOR_DE_TIJD.includes(g.soort) || vorige === undefined) return 'Ketenregie (termijnbewaking)';
  return vorige;
}

/**
 * The timeline for people, newest first. `momenten` holds the recording moment per event number
 * (absent for events not recorded yet); `naam` the organisations' names from the registry.
 */
export function leesbareTijdlijn(
  gebeurtenissen: readonly TijdlijnGebeurtenis[],
  momenten: ReadonlyMap<number, Date>,
  naam: OrganisatieNamen,
): LeesbareGebeurtenis[] {
  let vorige: string | undefined;
  return [...gebeurtenissen]
    .sort((a, b) => a.nr - b.nr)
    .map((g, i) => {
      const moment = momenten.get(g.nr);
      const { titel, details } = beschrijfGebeurtenis(g.soort, g.gegevens, naam);
      const door = doorWie(g, vorige, naam);
      if (!DOOR_DE_TIJD.includes(g.soort)) vorige = door;
      return {
        volgnummer: i + 1,
        datum: g.datum,
        datumTekst: formatDatum(g.datum),
        ...(moment ? { vastgelegdOp: formatDutchMoment(moment.getTime()) } : {}),
        titel,
        details,
        door,
        fase: faseLabel(g.fase),
      };
    })
    .reverse();
}
