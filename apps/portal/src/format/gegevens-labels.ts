/**
 * Dutch labels for the codes of handovers, consents, the processing log and the register:
 * data categories and their fields, statuses and reasons. As in ./labels, an unknown code is
 * shown as a readable phrase, never hidden.
 */
import { labelVan as label, VERWERKING_LABELS } from '@ketenregie/shared-kernel';

export const categorieLabel = label({
  contact: 'Contactgegevens',
  'traject-status': 'Stand van het traject',
  participatieladder: 'Participatieladder',
  zrm: 'Zelfredzaamheid (ZRM)',
  gezondheid: 'Gezondheid',
  'beperkingen-werk': 'Beperkingen voor werk',
  'financien-schulden': 'Financiën en schulden',
  uitkering: 'Uitkering',
  'werkervaring-cv': 'Werkervaring en cv',
  loonwaarde: 'Loonwaarde',
});

export const veldLabel = label({
  naam: 'Naam',
  telefoon: 'Telefoonnummer',
  email: 'E-mailadres',
  adres: 'Adres',
  voorkeurskanaal: 'Voorkeur voor contact',
  programma: 'Programma',
  fase: 'Fase',
  regievoerder: 'Regievoerder',
  'volgende-evaluatie': 'Volgende evaluatie',
  uitvalreden: 'Reden van uitval',
  trede: 'Trede',
  meetdatum: 'Meetdatum',
  'gemeten-door': 'Gemeten door',
  financien: 'Financiën',
  'werk-opleiding': 'Werk en opleiding',
  tijdsbesteding: 'Tijdsbesteding',
  huisvesting: 'Huisvesting',
  'huiselijke-relaties': 'Huiselijke relaties',
  'basale-adl': 'Basale ADL',
  'instrumentele-adl': 'Instrumentele ADL',
  'sociaal-netwerk': 'Sociaal netwerk',
  'maatschappelijke-participatie': 'Maatschappelijke participatie',
  justitie: 'Justitie',
  diagnose: 'Diagnose',
  behandelaar: 'Behandelaar',
  behandelstatus: 'Stand van de behandeling',
  'zrm-geestelijke-gezondheid': 'ZRM geestelijke gezondheid',
  'zrm-lichamelijke-gezondheid': 'ZRM lichamelijke gezondheid',
  'zrm-verslaving': 'ZRM verslaving',
  'functionele-beperkingen': 'Functionele beperkingen',
  'belastbaarheid-uren': 'Belastbaarheid in uren',
  'aanpassingen-werkplek': 'Aanpassingen van de werkplek',
  schuldenlast: 'Schuldenlast',
  schuldeisers: 'Schuldeisers',
  bewindvoering: 'Bewindvoering',
  schuldhulptraject: 'Schuldhulptraject',
  uitkeringssoort: 'Soort uitkering',
  ingangsdatum: 'Ingangsdatum',
  'ontheffing-arbeidsplicht': 'Ontheffing van de arbeidsplicht',
  opleidingen: 'Opleidingen',
  werkervaring: 'Werkervaring',
  vaardigheden: 'Vaardigheden',
  wensen: 'Wensen',
  'loonwaarde-percentage': 'Loonwaarde (procent)',
  herbeoordeling: 'Herbeoordeling',
});

export const overdrachtStatusLabel = label({
  aangevraagd: 'Aangevraagd',
  'toestemming-nodig': 'Toestemming van de deelnemer nodig',
  'toestemming-gevraagd': 'Toestemming gevraagd',
  'dossier-geleverd': 'Dossier geleverd, wacht op antwoord',
  geaccepteerd: 'Geaccepteerd',
  afgewezen: 'Afgewezen',
  'driegesprek-gepland': 'Driegesprek gepland',
  'driegesprek-gehouden': 'Driegesprek gehouden',
  'nazorg-volgperiode': 'Nazorg',
  'regie-overgedragen': 'Regie overgedragen',
  'toestemming-geweigerd': 'Toestemming geweigerd',
  'toestemming-ingetrokken': 'Toestemming ingetrokken',
  'toestemming-verlopen': 'Toestemming verlopen',
  geannuleerd: 'Geannuleerd',
  'ontvanger-onbereikbaar': 'Ontvanger niet bereikbaar',
  'tweemaal-afgewezen': 'Twee keer afgewezen',
});

export const aanZetLabel = label({ zender: 'De verzender', ontvanger: 'De ontvanger', beiden: 'Verzender en ontvanger', niemand: 'Niemand' });

export const overdrachtRedenLabel = label({
  'ggz-behandeling': 'GGZ-behandeling nodig',
  schuldhulpverlening: 'Schuldhulpverlening nodig',
  'begeleiding-naar-werk': 'Begeleiding naar werk',
  'andere-ondersteuning': 'Andere ondersteuning past beter',
});

export const overTeNemenLabel = label({ regie: 'De regie', begeleiding: 'De begeleiding' });

export const afwijzingRedenLabel = label({
  'geen-capaciteit': 'Geen plek',
  'buiten-doelgroep': 'Valt buiten onze doelgroep',
  'andere-partner-passender': 'Een andere partner past beter',
  'onvoldoende-informatie': 'Te weinig informatie',
  overig: 'Andere reden',
});

export const weglatingRedenLabel = label({
  NIET_NODIG_VOOR_ROL: 'Niet nodig voor de rol van de ontvanger',
  NIET_VRIJGEGEVEN: 'Niet vrijgegeven: geen toestemming en geen wettelijke grondslag',
});

export const regimeLabel = label({
  'wettelijke-grondslag': 'Mag mee op grond van de wet',
  toestemming: 'Alleen met toestemming van de deelnemer',
  nooit: 'Gaat nooit mee naar deze ontvanger',
});

export const doelLabel = label({
  'warme-overdracht': 'Warme overdracht',
  're-integratie': 'Re-integratie',
  'verwijzing-ggz': 'Verwijzing naar de GGZ',
  'bemiddeling-werk': 'Bemiddeling naar werk',
  schuldhulpverlening: 'Schuldhulpverlening',
});

export const toestemmingStatusLabel = label({ gegeven: 'Gegeven', ingetrokken: 'Ingetrokken', verlopen: 'Verlopen', vervangen: 'Vervangen' });

export const verwerkingLabel = label(VERWERKING_LABELS);

export const verwerkingStatusLabel = label({ ok: '', geweigerd: 'geweigerd', deels: 'deels toegestaan' });

export const breukLabel = label({
  VOLGNUMMER_ONTBREEKT: 'Er ontbreekt een regel',
  KETEN_ONDERBROKEN: 'De keten is onderbroken',
  HASH_ONJUIST: 'Een regel is achteraf gewijzigd',
  VERKEERDE_KETEN: 'Een regel staat in de verkeerde keten',
  SLEUTEL_ONJUIST: 'Een regel is niet met een bekende ketensleutel gemaakt',
});

/** Readable list: `a, b en c`. */
export function opsomming(delen: readonly string[]): string {
  if (delen.length <= 1) return delen[0] ?? '';
  return `${delen.slice(0, -1).join(', ')} en ${delen.at(-1)}`;
}
