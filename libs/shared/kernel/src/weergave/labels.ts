/**
 * Dutch labels for codes people see, shared by the portal and the services that write text for
 * people (the timeline): one table per kind of code, so a label reads the same everywhere. An
 * unknown code is shown as a readable phrase, never hidden.
 */

/** A code such as `contact-leggen` as a phrase (`Contact leggen`), for codes without a label. */
export function alsZin(code: string): string {
  const zin = code.replace(/[-_]/g, ' ');
  return zin.charAt(0).toUpperCase() + zin.slice(1);
}

/** The label of a code in `tabel`; an unknown code as a phrase ({@link alsZin}), none as `''`. */
export const labelVan =
  (tabel: Readonly<Record<string, string>>) =>
  (code: string | undefined): string =>
    code === undefined || code === '' ? '' : (tabel[code] ?? alsZin(code));

/** A traject's phases. */
export const FASE_LABELS: Readonly<Record<string, string>> = {
  aanmelding: 'Aanmelding',
  'contact-leggen': 'Contact leggen',
  kennismaking: 'Kennismaking',
  diagnose: 'Diagnose',
  'plan-van-aanpak': 'Plan van aanpak',
  uitvoering: 'Uitvoering',
  afronding: 'Afronding',
  nazorg: 'Nazorg',
  afgesloten: 'Afgesloten',
};

/** The tasks of a traject's task list. */
export const TAAK_LABELS: Readonly<Record<string, string>> = {
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
  casuistiekoverleg: 'Casuïstiekoverleg',
  'ladder-herbeoordeling': 'Participatieladder opnieuw beoordelen',
};

/** The coded reasons a deelnemer drops out (lower case: they stand inside a sentence). */
export const UITVAL_REDEN_LABELS = {
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
} as const;

/** What a line of the processing log records (its `handeling`). */
export const VERWERKING_LABELS: Readonly<Record<string, string>> = {
  besluit: 'Besluit over het delen van gegevens',
  verstrekking: 'Gegevens gedeeld',
  raadpleging: 'Gegevens ingezien',
  inzage: 'Inzage opgesteld',
  'toestemming-gegeven': 'Toestemming gegeven',
  'toestemming-ingetrokken': 'Toestemming ingetrokken',
  'toestemming-verlopen': 'Toestemming verlopen',
  'toestemming-vervangen': 'Toestemming vervangen',
};
