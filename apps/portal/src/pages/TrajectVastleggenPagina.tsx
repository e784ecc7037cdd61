import { Button, Checkbox, Fieldset, FieldsetLegend, FormField, FormLabel, Paragraph, Textarea, Textbox } from '@utrecht/component-library-react';
import { useState, type FormEvent, type ReactNode } from 'react';
import { Link as RouterLink, useNavigate, useParams } from 'react-router';
import { api, type Schemas } from '../api/client';
import { apiFoutVan, verwacht } from '../api/fouten';
import { useGeladen } from '../app/laden';
import { FoutenOverzicht, FoutMelding, Keuzeveld, PaginaTitel, Toon, useFormulierFouten, Veld } from '../app/onderdelen';
import { vandaag } from '../format/datum';
import { GAS_WAARDEN, LADDER_TREDEN, SUBTREDEN, ZRM_WAARDEN, zrmDomeinen } from '../format/instrumenten';
import { leesDatum } from '../format/invoer';
import { faseLabel, UITVAL_REDENEN } from '../format/labels';

type Waarden = Record<string, string>;

/** What a form knows of its traject: the overview and the programme version it follows. */
interface Context {
  readonly overzicht: Schemas['TrajectOverzichtDto'];
  readonly programma: Schemas['ProgrammaVersieWeergaveDto']['definitie'];
  /** The domains of the version's ZRM, in the matrix's order. */
  readonly zrmDomeinen: readonly string[];
}

/** One command form: its fields, its checks, the body it sends and what it says afterwards. */
interface Actie {
  readonly titel: string;
  /** The command's sub-resource: `POST /api/v1/trajecten/{id}/{sub}`. */
  readonly sub: string;
  readonly uitleg?: string;
  readonly knop: string;
  readonly melding: string;
  readonly labels: (c: Context, w: Waarden) => Readonly<Record<string, string>>;
  readonly velden: (v: Velden, c: Context) => ReactNode;
  readonly controleer?: (w: Waarden, c: Context) => Record<string, string>;
  readonly body: (w: Waarden, c: Context) => Record<string, unknown>;
}

/** Field builders bound to the form's state. */
interface Velden {
  keuze(
    id: string,
    label: string,
    opties: readonly (readonly [string, string])[],
    extra?: { beschrijving?: string; optioneel?: boolean; leeg?: string },
  ): ReactNode;
  tekst(id: string, label: string, extra?: { beschrijving?: string; optioneel?: boolean; meerRegels?: boolean; inputMode?: 'numeric' }): ReactNode;
  vinkje(id: string, label: string): ReactNode;
  /**
   * A list of like groups the user adds and removes (the goals of a plan): one fieldset per
   * entry, its fields named `<lijst>-<nr>-…`, a remove button on each while there are more than
   * `min`, and an add button; focus moves to the new entry's first field, or to the add button
   * after a removal.
   */
  herhaal(lijst: Herhaling, velden: (nr: string) => ReactNode): ReactNode;
}

/** A list of groups in a form; its entry numbers are kept in the form's values under `lijst`. */
interface Herhaling {
  readonly lijst: string;
  /** Entries a new form starts with (`min` of them). */
  readonly min: number;
  readonly titel: (plek: number) => string;
  readonly toevoegen: string;
  readonly verwijderen: (plek: number) => string;
  /** The first field of an entry, which gets the focus when it is added. */
  readonly eersteVeld: string;
}

/** The entry numbers of a repeated group (`1,3`), or the first `min` for a new form. */
function nummers(w: Waarden, h: Pick<Herhaling, 'lijst' | 'min'>): string[] {
  const opgeslagen = w[h.lijst];
  if (opgeslagen === undefined) return Array.from({ length: h.min }, (_, i) => String(i + 1));
  return opgeslagen.split(',').filter(Boolean);
}

const PAUZE_REDENEN: readonly (readonly [string, string])[] = [
  ['ziekte', 'Ziekte'],
  ['opname', 'Opname'],
  ['detentie', 'Detentie'],
  ['zwangerschap', 'Zwangerschap'],
  ['mantelzorg', 'Mantelzorg'],
  ['overig', 'Andere reden'],
];

const verplicht = (w: Waarden, fouten: Record<string, string>, id: string, melding: string) => {
  if (!w[id]?.trim()) fouten[id] = melding;
};

/** The check of a form whose fields in `meldingen` are all required, each with its message. */
const alleVerplicht = (meldingen: Readonly<Record<string, string>>) => (w: Waarden) => {
  const fouten: Record<string, string> = {};
  for (const [id, melding] of Object.entries(meldingen)) verplicht(w, fouten, id, melding);
  return fouten;
};

/** The instruments' fields (ladder with sub-rungs, ZRM domains, GAS goals) of a diagnose or an evaluation. */
function meetVelden(v: Velden, c: Context, beginmeting: boolean): ReactNode {
  const i = c.programma.instrumenten;
  return (
    <>
      <Fieldset>
        <FieldsetLegend>Participatieladder</FieldsetLegend>
        {v.keuze(
          'ladder',
          'Trede op de participatieladder',
          LADDER_TREDEN.map((t) => [String(t.trede), `Trede ${t.trede}: ${t.naam.toLowerCase()}`] as const),
          { optioneel: !beginmeting || !i.verplichtBijMeting.includes('participatieladder'), leeg: 'Niet gemeten' },
        )}
        {i.ladderSubtreden && (
          <Fieldset>
            <FieldsetLegend>Subtreden van trede 2 (alle die van toepassing zijn)</FieldsetLegend>
            {SUBTREDEN.map((s) => v.vinkje(`subtrede-${s.code}`, `${s.code} ${s.naam.toLowerCase()}`))}
          </Fieldset>
        )}
      </Fieldset>
      <Fieldset>
        <FieldsetLegend>Zelfredzaamheid-Matrix</FieldsetLegend>
        <Paragraph>Score alleen de domeinen die voor de hulpvraag van belang zijn.</Paragraph>
        {zrmDomeinen(c.zrmDomeinen).map((d) =>
          v.keuze(
            `zrm-${d.code}`,
            d.naam,
            ZRM_WAARDEN.map((z) => [String(z.waarde), z.naam] as const),
            { optioneel: true, leeg: 'Niet van belang' },
          ),
        )}
      </Fieldset>
      {(c.overzicht.gasDoelen ?? []).length > 0 && (
        <Fieldset>
          <FieldsetLegend>GAS-doelen</FieldsetLegend>
          {(c.overzicht.gasDoelen ?? []).map((g) =>
            v.keuze(
              `gas-${g.id}`,
              g.omschrijving,
              GAS_WAARDEN.map((x) => [String(x.waarde), `${x.naam}: ${g.niveaus[String(x.waarde)] ?? ''}`] as const),
              { optioneel: true, leeg: 'Niet gescoord' },
            ),
          )}
        </Fieldset>
      )}
    </>
  );
}

function meetLabels(c: Context): Record<string, string> {
  return {
    ladder: 'Trede op de participatieladder',
    ...Object.fromEntries(zrmDomeinen(c.zrmDomeinen).map((d) => [`zrm-${d.code}`, d.naam])),
    ...Object.fromEntries((c.overzicht.gasDoelen ?? []).map((g) => [`gas-${g.id}`, g.omschrijving])),
  };
}

function controleerMetingen(w: Waarden, c: Context, verplichtBijMeting: boolean): Record<string, string> {
  const fouten: Record<string, string> = {};
  const i = c.programma.instrumenten;
  if (verplichtBijMeting && i.verplichtBijMeting.includes('participatieladder') && !w['ladder']) fouten['ladder'] = 'Kies de trede op de participatieladder.';
  const domeinen = zrmDomeinen(c.zrmDomeinen);
  if (verplichtBijMeting && i.verplichtBijMeting.includes('zrm') && !domeinen.some((d) => w[`zrm-${d.code}`]))
    fouten[`zrm-${domeinen[0].code}`] = 'Score ten minste één domein van de Zelfredzaamheid-Matrix.';
  const subtreden = SUBTREDEN.filter((s) => w[`subtrede-${s.code}`] === 'ja');
  if (subtreden.length > 0 && w['ladder'] !== '2') fouten['ladder'] = 'Subtreden horen bij trede 2; kies trede 2 of haal de vinkjes weg.';
  return fouten;
}

/** The scores of the form, scored by the signed-in professional (the API takes who from the token). */
function metingen(w: Waarden, c: Context, datum: string): Record<string, unknown>[] {
  const i = c.programma.instrumenten;
  const scorer = { rol: 'coach' };
  const uit: Record<string, unknown>[] = [];
  if (w['ladder']) {
    const subtreden = SUBTREDEN.filter((s) => w[`subtrede-${s.code}`] === 'ja').map((s) => s.code);
    uit.push({
      instrument: 'participatieladder',
      trede: Number(w['ladder']),
      ...(subtreden.length > 0 ? { subtreden } : {}),
      datum,
      scorer,
      instrumentVersie: i.ladderVersie,
    });
  }
  const scores = Object.fromEntries(
    zrmDomeinen(c.zrmDomeinen)
      .filter((d) => w[`zrm-${d.code}`])
      .map((d) => [d.code, Number(w[`zrm-${d.code}`])]),
  );
  if (Object.keys(scores).length > 0)
    uit.push({ instrument: 'zrm', relevanteDomeinen: Object.keys(scores), scores, datum, scorer, instrumentVersie: i.zrmVersie });
  for (const g of c.overzicht.gasDoelen ?? [])
    if (w[`gas-${g.id}`]) uit.push({ instrument: 'gas', doelId: g.id, waarde: Number(w[`gas-${g.id}`]), datum, scorer, instrumentVersie: i.gasVersie });
  return uit;
}

/** The fields of one SMART goal: its description, then S, M, A, R and T. */
const SMART_VELDEN: readonly (readonly [string, string, string?])[] = [
  ['omschrijving', 'Doel'],
  ['specifiek', 'Specifiek: wat precies?'],
  ['meetbaar', 'Meetbaar: waaraan ziet u dat het gelukt is?'],
  ['actiegericht', 'Actiegericht: wat doet de deelnemer?'],
  ['realistisch', 'Realistisch: waarom is het haalbaar?'],
  ['tijdgebonden', 'Tijdgebonden: uiterlijk op', 'Dag-maand-jaar, bijvoorbeeld 1-6-2027.'],
];

const GROW = [
  ['grow-goal', 'Doel (goal): wat wil de deelnemer bereiken?'],
  ['grow-reality', 'Situatie (reality): waar staat de deelnemer nu?'],
  ['grow-options', 'Mogelijkheden (options): welke wegen zijn er?'],
  ['grow-will', 'Afspraken (will): wat gaat de deelnemer doen?'],
] as const;

const GAS_NIVEAUS = ['-2', '-1', '0', '1', '2'] as const;
const gasNiveauTekst = (n: string) => (n === '1' || n === '2' ? `+${n}` : n);

/** A repeated goal of a plan (`naam` 1, `naam` 2, …), each starting with its description. */
const doelen = (lijst: string, min: number, naam: string, toevoegen: string): Herhaling => ({
  lijst,
  min,
  titel: (plek) => `${naam} ${plek}`,
  toevoegen,
  verwijderen: (plek) => `${naam} ${plek} verwijderen`,
  eersteVeld: 'omschrijving',
});

/** A plan has at least one SMART goal, and as many GAS goals as the coach adds. */
const SMART_DOELEN = doelen('smart', 1, 'SMART-doel', 'Nog een SMART-doel toevoegen');
const GAS_DOELEN = doelen('gas', 0, 'GAS-doel', 'GAS-doel toevoegen');

/** Every command form of a traject, by the last part of its address. */
export const ACTIES: Readonly<Record<string, Actie>> = {
  contactpoging: {
    titel: 'Contactpoging vastleggen',
    sub: 'contactpogingen',
    uitleg: 'Na een poging zonder gehoor staat de volgende belpoging meteen op uw takenlijst; na een "nee" de herbenadering een maand later.',
    knop: 'Contactpoging vastleggen',
    melding: 'De contactpoging is vastgelegd.',
    labels: () => ({ kanaal: 'Hoe', uitkomst: 'Uitkomst' }),
    velden: (v) => (
      <>
        {v.keuze('kanaal', 'Hoe', [
          ['telefoon', 'Gebeld'],
          ['app', 'Via een app'],
          ['brief', 'Brief gestuurd'],
          ['huisbezoek', 'Huisbezoek'],
        ])}
        {v.keuze('uitkomst', 'Uitkomst', [
          ['geen-gehoor', 'Geen gehoor'],
          ['geweigerd', 'De deelnemer zei nee'],
          ['afspraak-gemaakt', 'Afspraak gemaakt'],
          ['onjuist-adres', 'Onjuist adres of nummer'],
        ])}
      </>
    ),
    controleer: alleVerplicht({ kanaal: 'Kies hoe u contact zocht.', uitkomst: 'Kies de uitkomst.' }),
    body: (w) => ({ kanaal: w['kanaal'], uitkomst: w['uitkomst'] }),
  },
  contactmoment: {
    titel: 'Contactmoment of niet verschenen vastleggen',
    sub: 'contactmomenten',
    knop: 'Contactmoment vastleggen',
    melding: 'Het contactmoment is vastgelegd.',
    labels: () => ({ vorm: 'Soort contact', verschenen: 'Is de deelnemer verschenen?', minuten: 'Duur in minuten' }),
    velden: (v) => (
      <>
        {v.keuze('vorm', 'Soort contact', [
          ['gesprek', 'Gesprek'],
          ['huisbezoek', 'Huisbezoek'],
          ['telefonisch', 'Telefonisch gesprek'],
          ['app', 'Contact via een app'],
          ['groep', 'Groepsbijeenkomst'],
        ])}
        {v.keuze('verschenen', 'Is de deelnemer verschenen?', [
          ['ja', 'Ja'],
          ['nee', 'Nee, niet verschenen (no-show)'],
        ])}
        {v.tekst('minuten', 'Duur in minuten', { optioneel: true, inputMode: 'numeric' })}
      </>
    ),
    controleer: (w) => {
      const f: Record<string, string> = {};
      verplicht(w, f, 'vorm', 'Kies de soort contact.');
      verplicht(w, f, 'verschenen', 'Kies of de deelnemer verschenen is.');
      if (w['minuten']?.trim() && !/^[1-9]\d{0,3}$/.test(w['minuten'].trim())) f['minuten'] = 'Vul een heel aantal minuten in, bijvoorbeeld 45.';
      return f;
    },
    body: (w) => ({ vorm: w['vorm'], verschenen: w['verschenen'] === 'ja', ...(w['minuten']?.trim() ? { minuten: Number(w['minuten']) } : {}) }),
  },
  kennismaking: {
    titel: 'Kennismaking afronden',
    sub: 'kennismaking',
    knop: 'Kennismaking afronden',
    melding: 'De kennismaking is afgerond.',
    labels: () => ({ klik: 'Is er een klik tussen coach en deelnemer?' }),
    velden: (v) =>
      v.keuze('klik', 'Is er een klik tussen coach en deelnemer?', [
        ['ja', 'Ja'],
        ['nee', 'Nee'],
      ]),
    controleer: alleVerplicht({ klik: 'Kies ja of nee.' }),
    body: (w) => ({ klik: w['klik'] === 'ja' }),
  },
  diagnose: {
    titel: 'Diagnose en beginmeting vastleggen',
    sub: 'diagnose',
    knop: 'Beginmeting vastleggen',
    melding: 'De diagnose en de beginmeting zijn vastgelegd.',
    labels: meetLabels,
    velden: (v, c) => meetVelden(v, c, true),
    controleer: (w, c) => controleerMetingen(w, c, true),
    body: (w, c) => ({ metingen: metingen(w, c, datumVan(w)) }),
  },
  plan: {
    titel: 'Plan van aanpak vastleggen',
    sub: 'plan',
    uitleg: 'Het plan volgt GROW, met een of meer SMART-doelen en eventueel GAS-doelen.',
    knop: 'Plan van aanpak vastleggen',
    melding: 'Het plan van aanpak is vastgelegd.',
    labels: (_c, w) => ({
      ...Object.fromEntries(GROW),
      ...Object.fromEntries(
        nummers(w, SMART_DOELEN).flatMap((nr, i) =>
          SMART_VELDEN.map(([veld, label]) => [`${SMART_DOELEN.lijst}-${nr}-${veld}`, `SMART-doel ${i + 1}, ${label.split(':')[0].toLowerCase()}`]),
        ),
      ),
      ...Object.fromEntries(
        nummers(w, GAS_DOELEN).flatMap((nr, i) => [
          [`${GAS_DOELEN.lijst}-${nr}-omschrijving`, `GAS-doel ${i + 1}`],
          ...GAS_NIVEAUS.map((n) => [`${GAS_DOELEN.lijst}-${nr}-niveau-${n}`, `GAS-doel ${i + 1}, niveau ${gasNiveauTekst(n)}`]),
        ]),
      ),
      ondertekening: 'Ondertekend door',
    }),
    velden: (v) => (
      <>
        <Fieldset>
          <FieldsetLegend>GROW</FieldsetLegend>
          {GROW.map(([id, label]) => v.tekst(id, label, { meerRegels: true }))}
        </Fieldset>
        {v.herhaal(SMART_DOELEN, (nr) =>
          SMART_VELDEN.map(([veld, label, beschrijving]) =>
            v.tekst(`${SMART_DOELEN.lijst}-${nr}-${veld}`, label, veld === 'tijdgebonden' ? { beschrijving, inputMode: 'numeric' } : {}),
          ),
        )}
        {v.herhaal(GAS_DOELEN, (nr) => (
          <>
            {v.tekst(`${GAS_DOELEN.lijst}-${nr}-omschrijving`, 'GAS-doel')}
            {GAS_NIVEAUS.map((n) =>
              v.tekst(`${GAS_DOELEN.lijst}-${nr}-niveau-${n}`, `Niveau ${gasNiveauTekst(n)}`, {
                beschrijving: n === '0' ? 'Het verwachte resultaat.' : undefined,
              }),
            )}
          </>
        ))}
        <Fieldset>
          <FieldsetLegend>Handtekening</FieldsetLegend>
          {v.keuze(
            'ondertekening',
            'Ondertekend door',
            [
              ['deelnemer', 'De deelnemer'],
              ['wettelijk-vertegenwoordiger', 'De wettelijk vertegenwoordiger'],
            ],
            { optioneel: true, leeg: 'Nog niet ondertekend' },
          )}
        </Fieldset>
      </>
    ),
    controleer: (w) => {
      const f: Record<string, string> = {};
      for (const [id] of GROW) verplicht(w, f, id, 'Vul dit deel van GROW in.');
      for (const nr of nummers(w, SMART_DOELEN)) {
        const veld = (v: string) => `${SMART_DOELEN.lijst}-${nr}-${v}`;
        for (const [v] of SMART_VELDEN)
          if (v !== 'tijdgebonden') verplicht(w, f, veld(v), v === 'omschrijving' ? 'Beschrijf het doel.' : 'Vul dit deel van het SMART-doel in.');
        if (!leesDatum(w[veld('tijdgebonden')] ?? '')) f[veld('tijdgebonden')] = 'Vul een datum in als dag-maand-jaar, bijvoorbeeld 1-6-2027.';
      }
      for (const nr of nummers(w, GAS_DOELEN)) {
        verplicht(w, f, `${GAS_DOELEN.lijst}-${nr}-omschrijving`, 'Beschrijf het GAS-doel, of verwijder het.');
        for (const n of GAS_NIVEAUS) verplicht(w, f, `${GAS_DOELEN.lijst}-${nr}-niveau-${n}`, 'Beschrijf elk niveau van het GAS-doel.');
      }
      return f;
    },
    body: (w) => {
      const waarde = (lijst: string, nr: string, veld: string) => (w[`${lijst}-${nr}-${veld}`] ?? '').trim();
      return {
        plan: {
          grow: { goal: w['grow-goal'].trim(), reality: w['grow-reality'].trim(), options: w['grow-options'].trim(), will: w['grow-will'].trim() },
          doelen: nummers(w, SMART_DOELEN).map((nr, i) => {
            const smart = (veld: string) => waarde(SMART_DOELEN.lijst, nr, veld);
            return {
              id: `doel-${i + 1}`,
              omschrijving: smart('omschrijving'),
              smart: {
                specifiek: smart('specifiek'),
                meetbaar: smart('meetbaar'),
                actiegericht: smart('actiegericht'),
                realistisch: smart('realistisch'),
                tijdgebonden: leesDatum(smart('tijdgebonden')),
              },
            };
          }),
          gasDoelen: nummers(w, GAS_DOELEN).map((nr, i) => ({
            id: `gas-${i + 1}`,
            omschrijving: waarde(GAS_DOELEN.lijst, nr, 'omschrijving'),
            niveaus: Object.fromEntries(GAS_NIVEAUS.map((n) => [n, waarde(GAS_DOELEN.lijst, nr, `niveau-${n}`)])),
          })),
          ...(w['ondertekening'] ? { ondertekening: { datum: datumVan(w), door: w['ondertekening'] } } : {}),
        },
      };
    },
  },
  evaluatie: {
    titel: 'Evaluatie vastleggen',
    sub: 'evaluaties',
    uitleg: 'Leg het besluit vast en, als u ze afnam, de scores op de instrumenten.',
    knop: 'Evaluatie vastleggen',
    melding: 'De evaluatie is vastgelegd.',
    labels: (c) => ({ besluit: 'Besluit', ...meetLabels(c) }),
    velden: (v, c) => (
      <>
        {v.keuze('besluit', 'Besluit', [
          ['doorgaan', 'Doorgaan met het traject'],
          ['afronden', 'Het traject afronden'],
        ])}
        {meetVelden(v, c, false)}
      </>
    ),
    controleer: (w, c) => {
      const f = controleerMetingen(w, c, false);
      verplicht(w, f, 'besluit', 'Kies het besluit.');
      return f;
    },
    body: (w, c) => {
      const m = metingen(w, c, datumVan(w));
      return { besluit: w['besluit'], ...(m.length > 0 ? { metingen: m } : {}) };
    },
  },
  pauze: {
    titel: 'Traject pauzeren',
    sub: 'pauze',
    uitleg: 'Tijdens de pauze lopen de termijnen niet; bij hervatten schuiven ze op.',
    knop: 'Traject pauzeren',
    melding: 'Het traject is gepauzeerd.',
    labels: () => ({ reden: 'Reden' }),
    velden: (v) => v.keuze('reden', 'Reden', PAUZE_REDENEN),
    controleer: alleVerplicht({ reden: 'Kies de reden van de pauze.' }),
    body: (w) => ({ reden: w['reden'] }),
  },
  hervatting: {
    titel: 'Traject hervatten',
    sub: 'hervatting',
    knop: 'Traject hervatten',
    melding: 'Het traject is hervat; de termijnen zijn opgeschoven.',
    labels: () => ({}),
    velden: () => null,
    body: () => ({}),
  },
  uitval: {
    titel: 'Uitval vastleggen',
    sub: 'uitval',
    uitleg: 'Het traject stopt; de regievoerder krijgt een signaal.',
    knop: 'Uitval vastleggen',
    melding: 'De uitval is vastgelegd.',
    labels: () => ({ reden: 'Reden van uitval' }),
    velden: (v) =>
      v.keuze(
        'reden',
        'Reden van uitval',
        Object.entries(UITVAL_REDENEN).map(([r, tekst]) => [r, tekst.charAt(0).toUpperCase() + tekst.slice(1)] as const),
      ),
    controleer: alleVerplicht({ reden: 'Kies de reden van uitval.' }),
    body: (w) => ({ reden: w['reden'] }),
  },
  heropening: {
    titel: 'Traject heropenen',
    sub: 'heropening',
    uitleg: 'Alleen de regievoerder heropent een uitgevallen of afgesloten traject.',
    knop: 'Traject heropenen',
    melding: 'Het traject is heropend.',
    labels: () => ({ naarFase: 'Verder in fase' }),
    velden: (v, c) => {
      const volgorde = ['aanmelding', 'contact-leggen', 'kennismaking', 'diagnose', 'plan-van-aanpak', 'uitvoering', 'afronding'];
      const fasen = c.programma.fasen.filter((f) => volgorde.indexOf(f) > 0 && volgorde.indexOf(f) < volgorde.indexOf('afronding'));
      return v.keuze(
        'naarFase',
        'Verder in fase',
        fasen.map((f) => [f, faseLabel(f)] as const),
        { optioneel: true, leeg: 'De gebruikelijke fase' },
      );
    },
    body: (w) => (w['naarFase'] ? { naarFase: w['naarFase'] } : {}),
  },
};

/**
 * Moves the focus to the element with `id` once React has drawn it (after adding or removing a
 * goal); on a busy machine that may take more than one frame, so it looks again for up to 30.
 */
function focusOp(id: string): void {
  let frames = 0;
  const probeer = () => {
    const el = document.getElementById(id);
    if (el) el.focus();
    else if (++frames < 30) window.requestAnimationFrame(probeer);
  };
  window.requestAnimationFrame(probeer);
}

/** The date of the form (`YYYY-MM-DD`): the one given, or today. */
function datumVan(w: Waarden): string {
  return (w['datum']?.trim() && leesDatum(w['datum'])) || vandaag();
}

/** A command on a traject as a form: contact attempts, no-shows, plan, evaluation, pause and resume, drop-out, reopening. */
export function TrajectVastleggenPagina() {
  const { id = '', actie: naam = '' } = useParams();
  const actie = ACTIES[naam];
  const navigate = useNavigate();
  const context = useGeladen(async () => {
    const overzicht = await verwacht(api.GET('/api/v1/trajecten/{id}', { params: { path: { id } } }));
    const versie = await verwacht(
      api.GET('/api/v1/programmas/{code}/versies/{versie}', { params: { path: { code: overzicht.programma.code, versie: overzicht.programma.versie } } }),
    );
    return { overzicht, programma: versie.definitie, zrmDomeinen: versie.zrmDomeinen };
  }, [id]);
  const [waarden, zetWaarden] = useState<Waarden>({});
  const { fouten, zetFouten, poging, nieuwePoging, toonFouten, apiFout, zetApiFout } = useFormulierFouten();
  const [bezig, zetBezig] = useState(false);

  if (!actie) {
    return (
      <>
        <PaginaTitel>Pagina niet gevonden</PaginaTitel>
        <Paragraph>
          Dit formulier bestaat niet. <RouterLink to={`/trajecten/${id}`}>Terug naar het traject</RouterLink>
        </Paragraph>
      </>
    );
  }

  const wijzig = (veld: string, waarde: string) => {
    zetWaarden((oud) => ({ ...oud, [veld]: waarde }));
    if (fouten[veld]) zetFouten(({ [veld]: _weg, ...rest }) => rest);
  };
  const velden: Velden = {
    keuze: (veld, label, opties, extra = {}) => (
      <Keuzeveld
        key={veld}
        id={veld}
        label={label}
        beschrijving={extra.beschrijving}
        fout={fouten[veld]}
        optioneel={extra.optioneel}
        verplicht={!extra.optioneel}
        leeg={extra.leeg ?? 'Kies…'}
        opties={opties}
        waarde={waarden[veld] ?? ''}
        bijKeuze={(w) => wijzig(veld, w)}
      />
    ),
    tekst: (veld, label, extra = {}) => (
      <Veld key={veld} id={veld} label={label} beschrijving={extra.beschrijving} fout={fouten[veld]} optioneel={extra.optioneel}>
        {(aria) =>
          extra.meerRegels ? (
            <Textarea {...aria} value={waarden[veld] ?? ''} onChange={(e) => wijzig(veld, e.target.value)} required={!extra.optioneel} rows={3} />
          ) : (
            <Textbox
              {...aria}
              value={waarden[veld] ?? ''}
              onChange={(e) => wijzig(veld, e.target.value)}
              required={!extra.optioneel}
              inputMode={extra.inputMode}
              autoComplete="off"
            />
          )
        }
      </Veld>
    ),
    vinkje: (veld, label) => (
      <FormField
        key={veld}
        type="checkbox"
        label={<FormLabel htmlFor={veld}>{label}</FormLabel>}
        input={<Checkbox id={veld} checked={waarden[veld] === 'ja'} onChange={(e) => wijzig(veld, e.target.checked ? 'ja' : '')} />}
      />
    ),
    herhaal: (h, groep) => {
      const nrs = nummers(waarden, h);
      const toevoegen = () => {
        const nieuw = String(Math.max(0, ...nrs.map(Number)) + 1);
        zetWaarden((oud) => ({ ...oud, [h.lijst]: [...nummers(oud, h), nieuw].join(',') }));
        focusOp(`${h.lijst}-${nieuw}-${h.eersteVeld}`);
      };
      const verwijder = (nr: string) => {
        const weg = (sleutel: string) => sleutel.startsWith(`${h.lijst}-${nr}-`);
        zetWaarden((oud) => ({
          ...Object.fromEntries(Object.entries(oud).filter(([k]) => !weg(k))),
          [h.lijst]: nummers(oud, h)
            .filter((n) => n !== nr)
            .join(','),
        }));
        zetFouten((oud) => Object.fromEntries(Object.entries(oud).filter(([k]) => !weg(k))));
        focusOp(`${h.lijst}-toevoegen`);
      };
      return (
        <div key={h.lijst} className="kr-herhaling">
          {nrs.map((nr, i) => (
            <Fieldset key={nr}>
              <FieldsetLegend>{h.titel(i + 1)}</FieldsetLegend>
              {groep(nr)}
              {nrs.length > h.min && (
                <Button type="button" appearance="secondary-action-button" onClick={() => verwijder(nr)}>
                  {h.verwijderen(i + 1)}
                </Button>
              )}
            </Fieldset>
          ))}
          <Paragraph>
            <Button type="button" appearance="secondary-action-button" id={`${h.lijst}-toevoegen`} onClick={toevoegen}>
              {h.toevoegen}
            </Button>
          </Paragraph>
        </div>
      );
    },
  };

  const verstuur = (c: Context) => async (event: FormEvent) => {
    event.preventDefault();
    zetApiFout(undefined);
    const gevonden = { ...(actie.controleer?.(waarden, c) ?? {}) };
    if (waarden['datum']?.trim() && !leesDatum(waarden['datum'])) gevonden['datum'] = 'Vul een bestaande datum in als dag-maand-jaar, bijvoorbeeld 7-12-2026.';
    toonFouten(gevonden);
    if (Object.keys(gevonden).length > 0) return;
    const datum = waarden['datum']?.trim() ? leesDatum(waarden['datum']) : undefined;
    const body = { ...actie.body(waarden, c), ...(datum && datum !== vandaag() ? { datum } : {}) };
    zetBezig(true);
    try {
      await verwacht(api.POST('/api/v1/trajecten/{id}/{opdracht}', { params: { path: { id, opdracht: actie.sub as never } }, body: body as never }));
      navigate(`/trajecten/${id}`, { state: { melding: actie.melding } });
    } catch (error) {
      zetApiFout(apiFoutVan(error, 'Vastleggen is niet gelukt.'));
      nieuwePoging();
      zetBezig(false);
    }
  };

  return (
    <>
      <PaginaTitel>{actie.titel}</PaginaTitel>
      <Paragraph>
        <RouterLink to={`/trajecten/${id}`}>Terug naar het traject</RouterLink>
      </Paragraph>
      <Toon geladen={context}>
        {(c) => (
          <form onSubmit={verstuur(c)} noValidate className="kr-formulier">
            {actie.uitleg && <Paragraph>{actie.uitleg}</Paragraph>}
            <FoutenOverzicht fouten={fouten} labels={{ datum: 'Datum', ...actie.labels(c, waarden) }} poging={poging} />
            {apiFout && <FoutMelding fout={apiFout} />}
            {actie.velden(velden, c)}
            {velden.tekst('datum', 'Datum', { optioneel: true, beschrijving: 'Dag-maand-jaar. Leeg laten voor vandaag.', inputMode: 'numeric' })}
            <Button type="submit" appearance="primary-action-button" busy={bezig} disabled={bezig}>
              {actie.knop}
            </Button>
          </form>
        )}
      </Toon>
    </>
  );
}
