import {
  Button,
  ButtonGroup,
  Checkbox,
  DataList,
  Fieldset,
  FieldsetLegend,
  FormField,
  FormLabel,
  Heading2,
  Paragraph,
  Textarea,
  Textbox,
} from '@utrecht/component-library-react';
import { useEffect, useState, type FormEvent } from 'react';
import { Link as RouterLink, useLocation, useParams } from 'react-router';
import { api, type Schemas } from '../api/client';
import { apiFoutVan, verwacht } from '../api/fouten';
import { useGeladen } from '../app/laden';
import { FoutenOverzicht, FoutMelding, Keuzeveld, PaginaTitel, Regel, Toon, Uitkomst, useFormulierFouten, Veld } from '../app/onderdelen';
import { laadOrganisaties, organisatieNaam, type Organisatie } from '../app/organisaties';
import { useIngelogd } from '../app/sessie-context';
import { formatDatum, formatDatumTijd, vandaag } from '../format/datum';
import {
  aanZetLabel,
  afwijzingRedenLabel,
  categorieLabel,
  overdrachtRedenLabel,
  overdrachtStatusLabel,
  overTeNemenLabel,
  opsomming,
  veldLabel,
  weglatingRedenLabel,
} from '../format/gegevens-labels';
import { leesDatum } from '../format/invoer';

type Overdracht = Schemas['OverdrachtDetailDto'];
const AFWIJZING_REDENEN = ['geen-capaciteit', 'buiten-doelgroep', 'andere-partner-passender', 'onvoldoende-informatie', 'overig'] as const;
const VOOR_LEVERING = ['aangevraagd', 'toestemming-nodig', 'toestemming-gevraagd'];
const DOSSIER_LEESBAAR = ['dossier-geleverd', 'geaccepteerd', 'driegesprek-gepland', 'driegesprek-gehouden', 'nazorg-volgperiode', 'regie-overgedragen'];

/**
 * One warm handover, for the sender and for the receiver. The sender records the deelnemer's
 * consent and sees after delivery what went and what stayed behind; the receiver reads the
 * dossier and accepts or rejects; both plan and confirm the driegesprek.
 */
export function OverdrachtPagina() {
  const { id = '' } = useParams();
  const eerste = (useLocation().state as { melding?: string } | null)?.melding;
  const [melding, zetMelding] = useState(eerste);
  const gegevens = useGeladen(async () => {
    const [overdracht, organisaties] = await Promise.all([verwacht(api.GET('/api/v1/overdrachten/{id}', { params: { path: { id } } })), laadOrganisaties()]);
    return { overdracht, organisaties };
  }, [id]);
  // After a step the stored projection follows the workflow within moments, and a consent
  // decision is taken on its own: look again every two seconds until the state has moved on,
  // showing the last state in the meantime.
  const [wacht, zetWacht] = useState<{ readonly van?: string; readonly besluit: boolean; readonly tot: number }>();
  // The last loaded state, kept while the next load runs (React's "state from the previous render").
  const [vorige, zetVorige] = useState<typeof gegevens>(gegevens);
  // (useGeladen answers a new object each render: compare what it holds, or this would never settle.)
  const zelfdeAlsVorige =
    (gegevens.status === 'klaar' && vorige.status === 'klaar' && gegevens.data === vorige.data) ||
    (gegevens.status === 'fout' && vorige.status === 'fout' && gegevens.fout === vorige.fout);
  if (gegevens.status !== 'laden' && !zelfdeAlsVorige) zetVorige(gegevens);
  const getoond = gegevens.status === 'laden' && vorige.status === 'klaar' ? vorige : gegevens;
  const status = getoond.status === 'klaar' ? getoond.data.overdracht.status : undefined;
  const bezigMetBesluit = status === 'aangevraagd' || (wacht?.besluit === true && status !== undefined && VOOR_LEVERING.includes(status));
  const bijwerken = bezigMetBesluit || (wacht !== undefined && status === wacht.van);
  // Stop waiting for the state to move on after the time allowed.
  useEffect(() => {
    if (!wacht) return;
    const timer = setTimeout(() => zetWacht(undefined), Math.max(0, wacht.tot - Date.now()));
    return () => clearTimeout(timer);
  }, [wacht]);
  const gedaan = (tekst: string, besluitVolgt = false) => {
    zetMelding(tekst);
    zetWacht({ van: status, besluit: besluitVolgt, tot: Date.now() + 30_000 });
    gegevens.opnieuw();
  };
  const { opnieuw } = gegevens;
  useEffect(() => {
    if (!bijwerken || gegevens.status === 'laden') return;
    const timer = setTimeout(opnieuw, 2_000);
    return () => clearTimeout(timer);
  }, [bijwerken, gegevens.status, opnieuw]);

  return (
    <>
      <PaginaTitel>Warme overdracht</PaginaTitel>
      <Uitkomst melding={melding} />
      {bezigMetBesluit && <Paragraph aria-live="polite">Het besluit over het delen van de gegevens wordt genomen. Deze pagina werkt zichzelf bij.</Paragraph>}
      <Toon geladen={getoond}>
        {({ overdracht: o, organisaties }) => <OverdrachtInhoud o={o} organisaties={organisaties} gedaan={gedaan} bezigMetBesluit={bezigMetBesluit} />}
      </Toon>
    </>
  );
}

function OverdrachtInhoud({
  o,
  organisaties,
  gedaan,
  bezigMetBesluit,
}: {
  o: Overdracht;
  organisaties: ReadonlyMap<string, Organisatie>;
  gedaan: (melding: string, besluitVolgt?: boolean) => void;
  bezigMetBesluit: boolean;
}) {
  const naam = (p: { organisatie: string; type: string }) => organisatieNaam(organisaties, p.organisatie, p.type);
  const sessie = useIngelogd();
  // The sender's and the receiver's organisation are different ones (a handover goes to another organisation).
  const richting = sessie.organisatie === o.ontvanger.organisatie ? 'inkomend' : 'uitgaand';
  return (
    <>
      <DataList className="kr-gegevens">
        <Regel sleutel="Van">{naam(o.zender)}</Regel>
        <Regel sleutel="Aan">{naam(o.ontvanger)}</Regel>
        <Regel sleutel="Reden">{overdrachtRedenLabel(o.reden)}</Regel>
        <Regel sleutel="Over te nemen">{opsomming(o.overTeNemen.map((x) => overTeNemenLabel(x).toLowerCase()))}</Regel>
        <Regel sleutel="Stand">{overdrachtStatusLabel(o.status)}</Regel>
        <Regel sleutel="Aan zet">{aanZetLabel(o.aanZet)}</Regel>
        {o.termijn && (
          <Regel sleutel={o.termijn.soort === 'acceptatie' ? 'Antwoord uiterlijk' : 'Toestemming uiterlijk'}>{formatDatum(o.termijn.uiterlijk)}</Regel>
        )}
        {o.voorgesteldEersteGesprek && <Regel sleutel="Voorstel eerste gesprek">{formatDatum(o.voorgesteldEersteGesprek)}</Regel>}
        {o.driegesprek && <Regel sleutel="Driegesprek">{formatDatum(o.driegesprek)}</Regel>}
        <Regel sleutel="Aangevraagd op">{formatDatumTijd(o.aangevraagdOp)}</Regel>
        <Regel sleutel="Bijgewerkt op">{formatDatumTijd(o.bijgewerktOp)}</Regel>
      </DataList>
      {o.afwijzingen.length > 0 && (
        <>
          <Heading2>Afwijzingen</Heading2>
          <ul className="kr-lijst">
            {o.afwijzingen.map((a) => (
              <li key={`${a.op}-${a.reden}`}>
                Op {formatDatum(a.op)}: {afwijzingRedenLabel(a.reden)}. Advies: {a.advies}
              </li>
            ))}
          </ul>
        </>
      )}
      {richting === 'uitgaand' && o.levering && <Levering levering={o.levering} />}
      {richting === 'uitgaand' && (o.status === 'toestemming-nodig' || o.status === 'toestemming-gevraagd') && !bezigMetBesluit && (
        <ToestemmingVastleggen o={o} ontvangerNaam={naam(o.ontvanger)} gedaan={gedaan} />
      )}
      {richting === 'inkomend' && DOSSIER_LEESBAAR.includes(o.status) && (
        <Paragraph>
          <RouterLink className="kr-knoplink" to={`/overdrachten/${o.id}/dossier`}>
            Dossier bekijken
          </RouterLink>
        </Paragraph>
      )}
      {richting === 'inkomend' && o.status === 'dossier-geleverd' && <Beantwoorden o={o} gedaan={gedaan} />}
      {(o.status === 'geaccepteerd' || o.status === 'driegesprek-gepland') && <Driegesprek o={o} gedaan={gedaan} />}
    </>
  );
}

function Levering({ levering }: { levering: NonNullable<Overdracht['levering']> }) {
  return (
    <>
      <Heading2>Wat is gedeeld</Heading2>
      <Paragraph>
        Geleverd op {formatDatumTijd(levering.geleverdOp)}.
        {levering.ingetrokken ? ' Het dossier is daarna weer ingetrokken: de ontvanger kan het niet meer inzien.' : ''}
      </Paragraph>
      {levering.geleverd.length === 0 ? (
        <Paragraph>Er is niets gedeeld.</Paragraph>
      ) : (
        <ul className="kr-lijst" aria-label="Gedeelde gegevens">
          {levering.geleverd.map((g) => (
            <li key={g.categorie}>
              {categorieLabel(g.categorie)}: {opsomming(g.velden.map((v) => veldLabel(v).toLowerCase()))}
            </li>
          ))}
        </ul>
      )}
      <Heading2>Wat niet is gedeeld, en waarom</Heading2>
      {levering.weggelaten.length === 0 ? (
        <Paragraph>Alles wat u invulde, is gedeeld.</Paragraph>
      ) : (
        <ul className="kr-lijst" aria-label="Niet gedeelde gegevens">
          {levering.weggelaten.map((w) => (
            <li key={`${w.categorie}-${w.veld ?? ''}`}>
              {categorieLabel(w.categorie)}
              {w.veld ? `: ${veldLabel(w.veld).toLowerCase()}` : ' (alles)'}. {weglatingRedenLabel(w.reden)}.
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** The sender records the deelnemer's consent for this receiver, then reports it so the decision is taken again. */
function ToestemmingVastleggen({ o, ontvangerNaam, gedaan }: { o: Overdracht; ontvangerNaam: string; gedaan: (m: string, besluitVolgt?: boolean) => void }) {
  const profiel = useGeladen(
    async () =>
      (
        await verwacht(api.GET('/api/v1/vrijgaveprofielen', { params: { query: { doel: 'warme-overdracht', ontvangerType: o.ontvanger.type } } }))
      )[0]?.categorieen.filter((c) => c.regime !== 'nooit') ?? [],
    [o.ontvanger.type],
  );
  const [gekozen, zetGekozen] = useState<string[] | undefined>();
  const [document, zetDocument] = useState('');
  const [geldigTot, zetGeldigTot] = useState('');
  const { fouten, poging, toonFouten, apiFout: fout, zetApiFout: zetFout } = useFormulierFouten();
  const [bezig, zetBezig] = useState(false);
  const categorieen = profiel.status === 'klaar' ? profiel.data : [];
  const keuze = gekozen ?? categorieen.filter((c) => c.regime === 'toestemming').map((c) => c.categorie);

  const meld = async (soort: 'vastgelegd' | 'geweigerd' | 'gevraagd') =>
    verwacht(api.POST('/api/v1/overdrachten/{id}/toestemming', { params: { path: { id: o.id } }, body: { soort } }));

  const legVast = async (event: FormEvent) => {
    event.preventDefault();
    const nieuw: Record<string, string> = {};
    if (keuze.length === 0) nieuw[`toestemming-${categorieen[0]?.categorie ?? 'contact'}`] = 'Kies waarvoor de deelnemer toestemming geeft.';
    if (!document.trim()) nieuw['toestemming-document'] = 'Vul het kenmerk van het ondertekende formulier in.';
    const tot = geldigTot.trim() ? leesDatum(geldigTot) : undefined;
    if (!tot || tot <= vandaag()) nieuw['toestemming-geldigTot'] = 'Vul een datum in de toekomst in als 31-12-2027.';
    toonFouten(nieuw);
    if (Object.keys(nieuw).length > 0 || !tot) return;
    zetBezig(true);
    zetFout(undefined);
    try {
      await verwacht(
        api.POST('/api/v1/toestemmingen', {
          body: {
            deelnemerId: o.deelnemerId,
            verlener: { soort: 'deelnemer' },
            doel: 'warme-overdracht',
            categorieen: keuze as Schemas['ToestemmingAanvraagDto']['categorieen'],
            bronnen: [{ soort: 'organisatie', organisatie: o.zender.organisatie }],
            ontvangers: [{ soort: 'organisatie', organisatie: o.ontvanger.organisatie }],
            geldigTot: `${tot}T22:59:59.000Z`,
            bewijs: { soort: 'ondertekend-formulier', documentId: document.trim() },
          },
        }),
      );
      await meld('vastgelegd');
      gedaan('De toestemming is vastgelegd. Het besluit wordt opnieuw genomen; daarna gaat het dossier naar de ontvanger.', true);
    } catch (error) {
      zetFout(apiFoutVan(error, 'Vastleggen is niet gelukt.'));
    } finally {
      zetBezig(false);
    }
  };

  return (
    <section aria-labelledby="toestemming-kop">
      <Heading2 id="toestemming-kop">Toestemming van de deelnemer</Heading2>
      <Paragraph>
        Leg vast waarvoor de deelnemer toestemming geeft om gegevens te delen met {ontvangerNaam}. Het dossier gaat pas naar de ontvanger als er toestemming is
        voor alle gegevens die de ontvanger nodig heeft en die alleen met toestemming mogen.
      </Paragraph>
      <Toon geladen={profiel}>
        {() => (
          <form onSubmit={legVast} noValidate className="kr-formulier">
            <FoutenOverzicht
              fouten={fouten}
              labels={{
                'toestemming-document': 'Kenmerk van het formulier',
                'toestemming-geldigTot': 'Geldig tot',
                ...Object.fromEntries(categorieen.map((c) => [`toestemming-${c.categorie}`, 'Toestemming voor'])),
              }}
              poging={poging}
            />
            {fout && <FoutMelding fout={fout} />}
            <Fieldset>
              <FieldsetLegend>Toestemming voor</FieldsetLegend>
              {categorieen.map((c) => (
                <FormField key={c.categorie} type="checkbox" className="kr-keuze">
                  <Checkbox
                    id={`toestemming-${c.categorie}`}
                    checked={keuze.includes(c.categorie)}
                    onChange={(e) => zetGekozen(e.target.checked ? [...keuze, c.categorie] : keuze.filter((x) => x !== c.categorie))}
                  />
                  <FormLabel htmlFor={`toestemming-${c.categorie}`} type="checkbox">
                    {categorieLabel(c.categorie)}
                  </FormLabel>
                </FormField>
              ))}
            </Fieldset>
            <Veld id="toestemming-document" label="Kenmerk van het ondertekende formulier" fout={fouten['toestemming-document']}>
              {(aria) => <Textbox {...aria} value={document} onChange={(e) => zetDocument(e.target.value)} />}
            </Veld>
            <Veld id="toestemming-geldigTot" label="Geldig tot" beschrijving="Bijvoorbeeld 31-12-2027." fout={fouten['toestemming-geldigTot']}>
              {(aria) => <Textbox {...aria} value={geldigTot} onChange={(e) => zetGeldigTot(e.target.value)} inputMode="numeric" />}
            </Veld>
            <ButtonGroup>
              <Button type="submit" appearance="primary-action-button" busy={bezig}>
                Toestemming vastleggen
              </Button>
              <Button
                appearance="secondary-action-button"
                onClick={() => {
                  void meld('geweigerd').then(
                    () => gedaan('Vastgelegd dat de deelnemer geen toestemming geeft. De overdracht stopt.'),
                    (error: unknown) => zetFout(apiFoutVan(error, 'Dat is niet gelukt.')),
                  );
                }}
              >
                Deelnemer weigert toestemming
              </Button>
            </ButtonGroup>
          </form>
        )}
      </Toon>
    </section>
  );
}

/** The receiver accepts, or rejects with a reason and advice back to the sender. */
function Beantwoorden({ o, gedaan }: { o: Overdracht; gedaan: (m: string) => void }) {
  const [reden, zetReden] = useState('');
  const [advies, zetAdvies] = useState('');
  const { fouten, poging, toonFouten, apiFout: fout, zetApiFout: zetFout } = useFormulierFouten();
  const pad = { params: { path: { id: o.id } } };
  const mislukt = (error: unknown) => zetFout(apiFoutVan(error, 'Dat is niet gelukt.'));

  const wijsAf = async (event: FormEvent) => {
    event.preventDefault();
    const nieuw: Record<string, string> = {};
    if (!reden) nieuw['afwijzing-reden'] = 'Kies een reden.';
    if (!advies.trim()) nieuw['afwijzing-advies'] = 'Geef de verzender een advies.';
    toonFouten(nieuw);
    if (Object.keys(nieuw).length > 0) return;
    try {
      await verwacht(
        api.POST('/api/v1/overdrachten/{id}/afwijzing', { ...pad, body: { reden: reden as (typeof AFWIJZING_REDENEN)[number], advies: advies.trim() } }),
      );
      gedaan('U hebt de overdracht afgewezen. De verzender ziet uw reden en advies.');
    } catch (error) {
      mislukt(error);
    }
  };

  return (
    <section aria-labelledby="antwoord-kop">
      <Heading2 id="antwoord-kop">Uw antwoord</Heading2>
      {fout && <FoutMelding fout={fout} />}
      <Paragraph>
        <Button
          appearance="primary-action-button"
          onClick={() => {
            void verwacht(api.POST('/api/v1/overdrachten/{id}/acceptatie', { ...pad, body: {} })).then(
              () => gedaan('U hebt de overdracht geaccepteerd. Plan nu het driegesprek.'),
              mislukt,
            );
          }}
        >
          Overdracht accepteren
        </Button>
      </Paragraph>
      <form onSubmit={wijsAf} noValidate className="kr-formulier">
        <FoutenOverzicht fouten={fouten} labels={{ 'afwijzing-reden': 'Reden', 'afwijzing-advies': 'Advies aan de verzender' }} poging={poging} />
        <Fieldset>
          <FieldsetLegend>Afwijzen</FieldsetLegend>
          <Keuzeveld
            id="afwijzing-reden"
            label="Reden"
            fout={fouten['afwijzing-reden']}
            leeg="Kies een reden"
            opties={AFWIJZING_REDENEN.map((r) => [r, afwijzingRedenLabel(r)] as const)}
            waarde={reden}
            bijKeuze={zetReden}
          />
          <Veld
            id="afwijzing-advies"
            label="Advies aan de verzender"
            beschrijving="Bijvoorbeeld welke partner beter past. Geen BSN."
            fout={fouten['afwijzing-advies']}
          >
            {(aria) => <Textarea {...aria} value={advies} onChange={(e) => zetAdvies(e.target.value)} rows={3} />}
          </Veld>
          <Button type="submit" appearance="secondary-action-button">
            Overdracht afwijzen
          </Button>
        </Fieldset>
      </form>
    </section>
  );
}

/** Sender and receiver plan the driegesprek with the deelnemer, and confirm it was held. */
function Driegesprek({ o, gedaan }: { o: Overdracht; gedaan: (m: string) => void }) {
  const [datum, zetDatum] = useState('');
  const { fouten, poging, toonFouten, apiFout: fout, zetApiFout: zetFout } = useFormulierFouten();
  const stuur = async (body: { soort: 'gepland'; datum: string } | { soort: 'gehouden' }, melding: string) => {
    try {
      await verwacht(api.POST('/api/v1/overdrachten/{id}/driegesprek', { params: { path: { id: o.id } }, body: body as never }));
      gedaan(melding);
    } catch (error) {
      zetFout(apiFoutVan(error, 'Dat is niet gelukt.'));
    }
  };
  const plan = async (event: FormEvent) => {
    event.preventDefault();
    const gelezen = leesDatum(datum);
    const nieuw: Record<string, string> = gelezen ? {} : { 'driegesprek-datum': 'Vul een datum in als 12-01-2027.' };
    toonFouten(nieuw);
    if (!gelezen) return;
    await stuur({ soort: 'gepland', datum: gelezen }, `Het driegesprek is gepland op ${formatDatum(gelezen)}.`);
  };
  return (
    <section aria-labelledby="driegesprek-kop">
      <Heading2 id="driegesprek-kop">Driegesprek</Heading2>
      {fout && <FoutMelding fout={fout} />}
      <form onSubmit={plan} noValidate className="kr-formulier">
        <FoutenOverzicht fouten={fouten} labels={{ 'driegesprek-datum': 'Datum van het driegesprek' }} poging={poging} />
        <Veld id="driegesprek-datum" label="Datum van het driegesprek" beschrijving="Bijvoorbeeld 12-01-2027." fout={fouten['driegesprek-datum']}>
          {(aria) => <Textbox {...aria} value={datum} onChange={(e) => zetDatum(e.target.value)} inputMode="numeric" />}
        </Veld>
        <ButtonGroup>
          <Button type="submit" appearance={o.status === 'geaccepteerd' ? 'primary-action-button' : 'secondary-action-button'}>
            {o.status === 'geaccepteerd' ? 'Driegesprek plannen' : 'Opnieuw plannen'}
          </Button>
          {o.status === 'driegesprek-gepland' && (
            <Button appearance="primary-action-button" onClick={() => void stuur({ soort: 'gehouden' }, 'Het driegesprek is gehouden.')}>
              Driegesprek is gehouden
            </Button>
          )}
        </ButtonGroup>
      </form>
    </section>
  );
}
