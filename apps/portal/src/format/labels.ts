import type { Schemas } from '../api/client';

/**
 * Dutch labels for the codes the API returns where it gives no text for people (the timeline
 * and the next deadline come as text from `GET /trajecten/{id}/verloop`). An unknown code is
 * shown as a readable phrase, never hidden.
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

type UitvalReden = NonNullable<Schemas['TrajectOverzichtDto']['uitval']>['reden'];

/** Every coded drop-out reason of the API (its OpenAPI enum: a new code fails the build until it has its text), in Dutch. */
export const UITVAL_REDENEN: Readonly<Record<UitvalReden, string>> = {
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
};
export const uitvalRedenLabel = label(UITVAL_REDENEN);
