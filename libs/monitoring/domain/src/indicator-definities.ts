/** The indicators the stuurgroep monitors (issue 20, domain brief "Stuurgroep and convenant"). */
export const INDICATOR_CODES = [
  'bereik',
  'uitval',
  'ladder-stijging',
  'zrm-verbetering',
  'evaluaties-op-tijd',
  'overdrachten-binnen-termijn',
  'overdracht-doorlooptijd',
  'verwijzingen',
  'toestemmingen',
  'caseload',
  'plaatsingen',
  'casuistiekoverleg-aanwezigheid',
  'inzet-uren',
] as const;
/** One of {@link INDICATOR_CODES}. */
export type IndicatorCode = (typeof INDICATOR_CODES)[number];

/** The written definition served with every indicator: what is counted, over what, and which period a traject falls in. */
export interface IndicatorDefinitie {
  readonly code: IndicatorCode;
  readonly naam: string;
  readonly teller: string;
  readonly noemer: string;
  readonly periodeRegel: string;
  /** How to read it: a learning signal with context, never a ranking of people. Targets invite strategic behaviour. */
  readonly toelichting: string;
}

/** The definitions, in the order the dashboard shows them. */
export const INDICATOR_DEFINITIES: Readonly<Record<IndicatorCode, IndicatorDefinitie>> = {
  bereik: {
    code: 'bereik',
    naam: 'Bereik (trechter)',
    teller:
      'Trajecten die de stap bereikten: aangemeld, bereikt (eerste contactmoment waarbij de deelnemer verscheen), intake (kennismaking afgerond), actief (plan van aanpak vastgesteld).',
    noemer: 'Trajecten aangemeld in de periode (cohort); het percentage per stap is teller gedeeld door het aantal aangemelde trajecten van hetzelfde cohort.',
    periodeRegel:
      'Een traject telt in de periode (maand, kwartaal, jaar) van zijn aanmelddatum, bij de partner die op die datum de regie had; latere stappen tellen bij hetzelfde cohort.',
    toelichting: 'Een lerend signaal: lage doorstroom vraagt om het gesprek over de aanpak, niet om een ranglijst.',
  },
  uitval: {
    code: 'uitval',
    naam: 'Uitval naar gecodeerde reden',
    teller: 'Trajecten uitgevallen in de periode, per gecodeerde reden (nooit vrije tekst).',
    noemer: 'Trajecten die in de periode liepen (aangemeld vóór of in de periode en niet afgesloten vóór het begin).',
    periodeRegel: 'Periode van de uitvaldatum; partner die op die datum de regie had.',
    toelichting: 'Redenen zijn codes uit de programmadefinitie; kleine aantallen worden onderdrukt.',
  },
  'ladder-stijging': {
    code: 'ladder-stijging',
    naam: 'Participatieladder: minstens één trede gestegen binnen 12 maanden',
    teller: 'Trajecten waarvan een meting binnen 12 maanden na de eerste ladder-meting minstens één hele trede hoger ligt dan die eerste meting.',
    noemer:
      'Trajecten met een eerste ladder-meting waarvan de 12 maanden in de periode eindigen of waarvan al een stijging gemeten is (zo meet Leiden: 77% van 94 deelnemers).',
    periodeRegel: 'Periode van de datum van de eerste ladder-meting (cohort van de nulmeting).',
    toelichting: 'Vergelijk met de referentie van Leiden (77% van 94); kleine groepen geven grote schommelingen.',
  },
  'zrm-verbetering': {
    code: 'zrm-verbetering',
    naam: 'ZRM: verbetering per domein',
    teller: 'Per ZRM-domein: trajecten waarvan de laatste meting hoger is dan de eerste.',
    noemer: 'Per ZRM-domein: trajecten met minstens twee metingen op dat domein.',
    periodeRegel: 'Periode van de datum van de laatste meting op het domein.',
    toelichting: 'Zelfredzaamheid per domein; een daling kan ook een eerlijker beeld na vertrouwen zijn.',
  },
  'evaluaties-op-tijd': {
    code: 'evaluaties-op-tijd',
    naam: 'Evaluaties op tijd',
    teller: 'Evaluaties gehouden op of vóór hun vervaldatum.',
    noemer: 'Evaluaties gehouden in de periode.',
    periodeRegel: 'Periode van de evaluatiedatum; partner van de coach-organisatie (anders de regievoerder) op die datum.',
    toelichting: 'Gaat over het proces van de organisatie, niet over de deelnemer.',
  },
  'overdrachten-binnen-termijn': {
    code: 'overdrachten-binnen-termijn',
    naam: 'Warme overdrachten binnen de termijn geaccepteerd',
    teller: 'Overdrachten geaccepteerd binnen de acceptatietermijn.',
    noemer:
      'Overdrachten die in de periode een uitkomst kregen (geaccepteerd, afgewezen of verlopen). Daarnaast als aantallen: aangevraagd, en ingetrokken vóór het antwoord van de ontvanger (geannuleerd, toestemming geweigerd of ingetrokken); die tellen niet mee in de noemer.',
    periodeRegel:
      'Periode van de uitkomstdatum (aangevraagd: van de aanvraag); partner is de ontvangende organisatie. Binnen de termijn: geaccepteerd vóór de escalatie van de acceptatietermijn.',
    toelichting: 'Tijdigheid van de ontvanger; de verzender kan de termijn niet beïnvloeden.',
  },
  'overdracht-doorlooptijd': {
    code: 'overdracht-doorlooptijd',
    naam: 'Mediaan werkdagen tot acceptatie',
    teller: 'Mediaan van het aantal werkdagen tussen aanvraag en acceptatie (kernelkalender, feestdagen uitgezonderd).',
    noemer: 'Geaccepteerde overdrachten in de periode.',
    periodeRegel: 'Periode van de acceptatiedatum; partner is de ontvangende organisatie. Getoond alleen bij minstens 5 overdrachten.',
    toelichting: 'Een mediaan over weinig overdrachten zegt weinig; daarom de ondergrens.',
  },
  verwijzingen: {
    code: 'verwijzingen',
    naam: 'Verwijzingen naar ontvanger en uitkomst',
    teller: 'Verwijzingen per ontvangende organisatie en uitkomst (gestart, afgewezen, afgerond, gestopt).',
    noemer: 'Verwijzingen met die uitkomst in de periode.',
    periodeRegel: 'Periode van de datum van de uitkomst.',
    toelichting: 'Laat zien waar de keten doorverwijst; uitkomstcodes, geen redenen in tekst.',
  },
  toestemmingen: {
    code: 'toestemmingen',
    naam: 'Toestemmingen gegeven en ingetrokken',
    teller: 'Toestemmingen gegeven, en toestemmingen ingetrokken, in de periode.',
    noemer: 'Geen (aantallen).',
    periodeRegel: 'Periode van de datum van geven of intrekken; partner is de organisatie die de toestemming vastlegde.',
    toelichting: 'Intrekkingen zijn een recht van de deelnemer, geen teken van falen.',
  },
  caseload: {
    code: 'caseload',
    naam: 'Caseload per professional (verdeling)',
    teller: 'Aantal professionals per caseloadklasse (1–10, 11–20, 21–30, 31–40, meer dan 40 lopende trajecten).',
    noemer: 'Professionals met minstens één lopend traject op de laatste dag van de periode.',
    periodeRegel: 'Stand op de laatste dag van de periode (of vandaag voor de lopende periode); partner is de coach-organisatie.',
    toelichting: 'Een verdeling zonder namen: het gaat om werkdruk, niet om personen.',
  },
  plaatsingen: {
    code: 'plaatsingen',
    naam: 'Plaatsingen: proefplaatsing naar contract, duurzaam na 6 en 12 maanden',
    teller:
      'Plaatsingen gestart (per werkgever); proefplaatsingen die uitmondden in een contract; contracten waarbij de deelnemer bij de controle na 6 en na 12 maanden nog in dienst was; terugleidingen naar het traject per gecodeerde reden, en de mediane duur in dagen van de beëindigde plaatsingen.',
    noemer:
      'Proef → contract: proefplaatsingen met een uitkomst (contract of terugleiding). Duurzaam na 6/12 maanden: contracten waarvan de controle plaatsvond of die vóór de controle eindigden.',
    periodeRegel:
      'Gestart: maand van de start; proef → contract: maand van de start van de proefplaatsing; duurzaam: maand van de start van het contract; terugleiding en duur: maand van de terugleiding. Partner is de werkgever.',
    toelichting: 'Een terugleiding is een warme terugkeer naar het traject, geen mislukking van de deelnemer; kleine aantallen worden onderdrukt.',
  },
  'casuistiekoverleg-aanwezigheid': {
    code: 'casuistiekoverleg-aanwezigheid',
    naam: 'Aanwezigheid bij het casuïstiekoverleg',
    teller: 'Besprekingen van een traject in het casuïstiekoverleg waarbij de organisatie aanwezig was (zoals de regievoerder het overleg vastlegde).',
    noemer: 'Besprekingen waarvoor de organisatie genodigd was: elke organisatie die op de dag van het overleg bij het traject betrokken was.',
    periodeRegel: 'Periode van de datum van het overleg; partner is de genodigde organisatie. Alleen organisaties, nooit personen.',
    toelichting: 'Een lerend signaal over samenwerking in de keten, geen afrekening; kleine aantallen worden onderdrukt.',
  },
  'inzet-uren': {
    code: 'inzet-uren',
    naam: 'Geleverde uren per expertise',
    teller: 'Uren die de partner per maand en expertise onder het convenant registreerde (eigen registratie van de partner).',
    noemer: 'Geen (uren).',
    periodeRegel: 'Maand waarover de partner de uren registreerde; partner is de registrerende organisatie.',
    toelichting: 'Vergelijk met de toezegging in het convenant; minder dan 5 uur in een maand wordt, zoals elk klein getal, onderdrukt.',
  },
};
