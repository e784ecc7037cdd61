/**
 * Dutch labels for the codes the API returns. The API speaks in stable codes (phases, event
 * kinds, deadlines, reasons); until it offers a representation for people, the portal maps
 * them here. An unknown code is shown as a readable phrase, never hidden.
 */

/** A code such as `contact-leggen` as a phrase (`contact leggen`), for codes without a label. */
export function alsZin(code: string): string {
  const zin = code.replace(/[-_]/g, ' ');
  return zin.charAt(0).toUpperCase() + zin.slice(1);
}

const label =
  (tabel: Readonly<Record<string, string>>) =>
  (code: string | undefined): string =>
    code === undefined ? '' : (tabel[code] ?? alsZin(code));

export const rolLabel = label({
  klantmanager: 'Klantmanager',
  coach: 'Coach',
  jobcoach: 'Jobcoach',
  behandelaar: 'Behandelaar',
  stuurgroeplid: 'Stuurgroeplid',
  fg: 'Functionaris gegevensbescherming',
  deelnemer: 'Deelnemer',
});

export const organisatieTypeLabel = label({
  gemeente: 'Gemeente',
  uitvoerder: 'Uitvoerder',
  werkgever: 'Werkgever',
  ggz: 'GGZ-instelling',
  schuldhulp: 'Schuldhulpverlening',
  wijkteam: 'Wijkteam',
});

export const faseLabel = label({
  aanmelding: 'Aanmelding',
  'contact-leggen': 'Contact leggen',
  kennismaking: 'Kennismaking',
  diagnose: 'Diagnose',
  'plan-van-aanpak': 'Plan van aanpak',
  uitvoering: 'Uitvoering',
  afronding: 'Afronding',
  nazorg: 'Nazorg',
  afgesloten: 'Afgesloten',
});

export const statusLabel = label({ actief: 'Actief', gepauzeerd: 'Gepauzeerd', uitgevallen: 'Uitgevallen', afgesloten: 'Afgesloten' });

export const taakLabel = label({
  'coach-toewijzen': 'Coach toewijzen',
  'eerste-contact': 'Eerste contact leggen',
  contactpoging: 'Opnieuw contact proberen',
  huisbezoek: 'Huisbezoek afleggen',
  herbenadering: 'Deelnemer opnieuw benaderen',
  'besluit-herbenadering': 'Besluiten over herbenadering',
  fase: 'Fase afronden',
  contactmoment: 'Contactmoment houden',
  evaluatie: 'Evaluatie houden',
  't1-meting': 'Eindmeting (T1) afnemen',
  'no-show-opvolging': 'Niet verschenen: opvolgen',
  einddatum: 'Geplande einddatum bereikt',
  'nazorg-checkin': 'Nazorgcontact',
  'nazorg-einde': 'Einde nazorg',
  'regie-overname': 'Regie overnemen',
  'caseload-overdracht': 'Overgedragen traject oppakken',
  'deelnemer-informeren': 'Deelnemer informeren over de wissel',
});

export const taakStatusLabel = label({ open: 'Open', verlopen: 'Termijn verstreken', afgerond: 'Afgerond' });

const kanaalLabel = label({ telefoon: 'telefonisch', brief: 'per brief', huisbezoek: 'met een huisbezoek', app: 'via een app' });
const uitkomstLabel = label({ 'geen-gehoor': 'geen gehoor', geweigerd: 'geweigerd', 'afspraak-gemaakt': 'afspraak gemaakt', 'onjuist-adres': 'onjuist adres' });
const vormLabel = label({
  gesprek: 'gesprek',
  huisbezoek: 'huisbezoek',
  telefonisch: 'telefonisch gesprek',
  app: 'contact via een app',
  groep: 'groepsbijeenkomst',
});

export const uitvalRedenLabel = label({
  'neemt-al-deel': 'neemt al deel aan een ander traject',
  'voldoende-ondersteuning-elders': 'krijgt elders voldoende ondersteuning',
  'te-ziek': 'te ziek om deel te nemen',
  'buiten-doelgroep': 'valt buiten de doelgroep',
  taalbarriere: 'taalbarrière',
  weigert: 'weigert deelname',
  verhuisd: 'verhuisd',
  overleden: 'overleden',
  'geen-klik': 'geen klik met de coach',
  onbereikbaar: 'onbereikbaar',
  'geen-specifieke-problemen': 'geen specifieke problemen',
});

const pauzeRedenLabel = label({
  ziekte: 'ziekte',
  opname: 'opname',
  detentie: 'detentie',
  zwangerschap: 'zwangerschap',
  mantelzorg: 'mantelzorg',
  overig: 'andere reden',
});
const vervolgLabel = label({
  scholing: 'scholing',
  vrijwilligerswerk: 'vrijwilligerswerk',
  'betaald-werk': 'betaald werk',
  hulpverlening: 'hulpverlening',
  anders: 'een ander vervolg',
});
const instrumentLabel = label({ participatieladder: 'Participatieladder', zrm: 'Zelfredzaamheid-Matrix', gas: 'GAS-doelen' });
const meetmomentLabel = label({ T0: 'beginmeting (T0)', T1: 'eindmeting (T1)', tussentijds: 'tussentijdse meting' });
const coachwisselRedenLabel = label({ vertrek: 'vertrek van de coach', 'geen-klik': 'geen klik', overig: 'andere reden' });

type Gegevens = Readonly<Record<string, string | number | boolean>>;

/** One timeline entry for people: what happened and the details that matter, no ids or codes. */
export interface LeesbareGebeurtenis {
  readonly titel: string;
  readonly details: readonly string[];
}

const tekst = (g: Gegevens, sleutel: string): string => (typeof g[sleutel] === 'string' ? (g[sleutel] as string) : '');
const getal = (g: Gegevens, sleutel: string): number | undefined => (typeof g[sleutel] === 'number' ? (g[sleutel] as number) : undefined);

/**
 * A timeline event (`soort` and its scalar `gegevens`) as a coach reads it. Ids of people and
 * organisations are left out: the timeline does not carry names yet.
 */
export function leesbareGebeurtenis(soort: string, g: Gegevens, datumLabel: (iso: string) => string): LeesbareGebeurtenis {
  switch (soort) {
    case 'aangemeld':
      return {
        titel: 'Aangemeld voor het traject',
        details: [tekst(g, 'aanmeldreden') && `Reden van aanmelding: ${alsZin(tekst(g, 'aanmeldreden')).toLowerCase()}`].filter(Boolean),
      };
    case 'coach-toegewezen':
      return { titel: 'Coach toegewezen', details: [] };
    case 'fase-gewijzigd':
      return { titel: `Nieuwe fase: ${faseLabel(tekst(g, 'naar'))}`, details: tekst(g, 'van') ? [`Vorige fase: ${faseLabel(tekst(g, 'van'))}`] : [] };
    case 'contactpoging': {
      const details = [`Uitkomst: ${uitkomstLabel(tekst(g, 'uitkomst'))}`];
      const pogingen = getal(g, 'belpogingen');
      if (pogingen) details.push(`${pogingen} ${pogingen === 1 ? 'belpoging' : 'belpogingen'} zonder gehoor tot nu toe`);
      return { titel: `Contact geprobeerd ${kanaalLabel(tekst(g, 'kanaal'))}`, details };
    }
    case 'contactmoment': {
      const details: string[] = [];
      const minuten = getal(g, 'minuten');
      if (minuten) details.push(`${minuten} minuten`);
      if (g['interventie']) details.push(`Interventie: ${alsZin(tekst(g, 'interventie')).toLowerCase()}`);
      const gesprek = getal(g, 'gesprek');
      if (gesprek) details.push(`Kennismakingsgesprek ${gesprek}${g['meerDanGebruikelijk'] ? ', meer dan gebruikelijk' : ''}`);
      return { titel: `Contactmoment: ${vormLabel(tekst(g, 'vorm'))}`, details };
    }
    case 'no-show':
      return {
        titel: `Niet verschenen (${vormLabel(tekst(g, 'vorm'))})`,
        details: getal(g, 'noShows') ? [`${getal(g, 'noShows')} keer niet verschenen in totaal`] : [],
      };
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
      return { titel: 'Traject afgerond', details: [`Vervolg: ${vervolgLabel(tekst(g, 'vervolg'))}`] };
    case 'gepauzeerd':
      return { titel: 'Traject gepauzeerd', details: [`Reden: ${pauzeRedenLabel(tekst(g, 'reden'))}`] };
    case 'hervat':
      return {
        titel: 'Traject hervat',
        details: getal(g, 'gepauzeerdeWerkdagen') !== undefined ? [`${getal(g, 'gepauzeerdeWerkdagen')} werkdagen gepauzeerd`] : [],
      };
    case 'uitgevallen':
      return { titel: 'Deelnemer uitgevallen', details: [`Reden: ${uitvalRedenLabel(tekst(g, 'reden'))}`] };
    case 'terugval':
      return { titel: `Terug naar fase ${faseLabel(tekst(g, 'naar')).toLowerCase()}`, details: [] };
    case 'heropend':
      return { titel: 'Traject heropend', details: tekst(g, 'naar') ? [`In fase ${faseLabel(tekst(g, 'naar')).toLowerCase()}`] : [] };
    case 'regie-gewijzigd':
      return { titel: 'Regie overgedragen', details: [] };
    case 'coach-gewijzigd':
      return { titel: 'Andere coach', details: [`Reden: ${coachwisselRedenLabel(tekst(g, 'reden'))}`] };
    case 'verlengd':
      return {
        titel: 'Traject verlengd',
        details: tekst(g, 'geplandeEinddatum') ? [`Nieuwe geplande einddatum: ${datumLabel(tekst(g, 'geplandeEinddatum'))}`] : [],
      };
    case 'termijn-verlopen':
      return {
        titel: `Termijn verstreken: ${taakLabel(tekst(g, 'termijn')).toLowerCase()}`,
        details: tekst(g, 'vervalt') ? [`Uiterlijk op ${datumLabel(tekst(g, 'vervalt'))}`] : [],
      };
    case 'geescaleerd':
      return { titel: `Geëscaleerd naar de regievoerder: ${taakLabel(tekst(g, 'termijn')).toLowerCase()}`, details: [] };
    case 'overdracht-aangevraagd':
      return { titel: 'Warme overdracht aangevraagd', details: [] };
    case 'overdracht-beeindigd':
      return { titel: 'Warme overdracht beëindigd', details: [] };
    case 'afgesloten':
      return { titel: 'Traject afgesloten', details: [] };
    default:
      return { titel: alsZin(soort), details: [] };
  }
}
