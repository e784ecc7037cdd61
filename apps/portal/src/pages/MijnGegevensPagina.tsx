import { Button, Heading2, Paragraph, TableCell, TableRow } from '@utrecht/component-library-react';
import { api, type Schemas } from '../api/client';
import { verwacht } from '../api/fouten';
import { useGeladen, useStap } from '../app/laden';
import { PaginaTitel, Tabel, Toon, Uitkomst } from '../app/onderdelen';
import { laadOrganisaties, organisatieNaam, type Organisatie } from '../app/organisaties';
import { useIngelogd } from '../app/sessie-context';
import { claimsVan } from '../auth/sessie';
import { formatDatum, formatDatumTijd } from '../format/datum';
import { categorieLabel, doelLabel, opsomming, toestemmingStatusLabel, verwerkingLabel, verwerkingStatusLabel } from '../format/gegevens-labels';
import { organisatieTypeLabel, taakLabel } from '../format/labels';

type Inzage = Schemas['InzageDto'];
type Toestemming = Inzage['toestemmingen'][number];
type Selector = Toestemming['ontvangers'][number];

/** Where a traject stands, for the deelnemer, in plain words. */
const FASE_UITLEG: Readonly<Record<string, string>> = {
  aanmelding: 'U bent aangemeld. Uw coach neemt binnenkort contact met u op.',
  'contact-leggen': 'Uw coach probeert contact met u te krijgen om een eerste afspraak te maken.',
  kennismaking: 'U maakt kennis met uw coach. Samen kijkt u of het klikt.',
  diagnose: 'U en uw coach brengen in kaart hoe het met u gaat en wat u nodig hebt.',
  'plan-van-aanpak': 'U maakt samen met uw coach een plan met doelen.',
  uitvoering: 'U werkt samen met uw coach aan uw doelen.',
  afronding: 'Het traject wordt afgerond. U bespreekt wat er daarna komt.',
  nazorg: 'Het traject is klaar. Uw coach houdt nog een tijdje contact met u.',
  afgesloten: 'Het traject is afgesloten.',
};

/**
 * "Mijn gegevens" of the deelnemer: my traject in plain words, my consents (withdraw one), and
 * who processed which of my data, when and why (the inzage), printable.
 */
export function MijnGegevensPagina() {
  const sessie = useIngelogd();
  const deelnemerId = String(claimsVan(sessie.token)['deelnemerId'] ?? '');
  const gegevens = useGeladen(async () => {
    const pad = { params: { path: { id: deelnemerId } } };
    const [inzage, trajecten, organisaties, programmas] = await Promise.all([
      verwacht(api.GET('/api/v1/deelnemers/{id}/inzage', pad)),
      verwacht(api.GET('/api/v1/deelnemers/{id}/trajecten', pad)),
      laadOrganisaties(),
      verwacht(api.GET('/api/v1/programmas')).catch((): Schemas['ProgrammaSamenvattingDto'][] => []),
    ]);
    return { inzage, trajecten, organisaties, programmas };
  }, [deelnemerId]);

  const { melding, fout, neem } = useStap(gegevens.opnieuw);
  const trekIn = (t: Toestemming) =>
    neem(
      () => verwacht(api.POST('/api/v1/toestemmingen/{id}/intrekking', { params: { path: { id: t.id } }, body: { reden: 'Ingetrokken door de deelnemer' } })),
      `Uw toestemming voor ${doelLabel(t.doel).toLowerCase()} is ingetrokken. Vanaf nu worden deze gegevens niet meer op grond van deze toestemming gedeeld.`,
      'Intrekken is niet gelukt.',
    );

  return (
    <>
      <PaginaTitel>Mijn gegevens</PaginaTitel>
      <Uitkomst melding={melding} fout={fout} />
      <Toon geladen={gegevens}>
        {({ inzage, trajecten, organisaties, programmas }) => (
          <>
            <Paragraph className="kr-afdruk-kop">Overzicht opgesteld op {formatDatumTijd(inzage.opgesteldOp)}.</Paragraph>
            <Paragraph className="kr-niet-afdrukken">
              <Button appearance="secondary-action-button" onClick={() => window.print()}>
                Afdrukken
              </Button>
            </Paragraph>

            <Heading2>Mijn traject</Heading2>
            {trajecten.length === 0 ? (
              <Paragraph>U doet nu niet mee aan een traject.</Paragraph>
            ) : (
              trajecten.map((t) => <TrajectUitleg key={t.trajectId} t={t} programmas={programmas} />)
            )}

            <Heading2>Mijn toestemmingen</Heading2>
            {inzage.toestemmingen.length === 0 ? (
              <Paragraph>U hebt geen toestemming gegeven om gegevens te delen.</Paragraph>
            ) : (
              <Tabel koppen={['Waarvoor', 'Welke gegevens', 'Van wie, aan wie', 'Geldig tot', 'Stand']}>
                {inzage.toestemmingen.map((t) => (
                  <TableRow key={t.id}>
                    <TableCell>{doelLabel(t.doel)}</TableCell>
                    <TableCell>{opsomming(t.categorieen.map(categorieLabel))}</TableCell>
                    <TableCell>
                      Van {opsomming(t.bronnen.map((b) => selectorNaam(b, organisaties)))} aan{' '}
                      {opsomming(t.ontvangers.map((o) => selectorNaam(o, organisaties)))}
                    </TableCell>
                    <TableCell>{formatDatumTijd(t.geldigTot)}</TableCell>
                    <TableCell>
                      {toestemmingStatusLabel(t.status)}
                      {t.status !== 'gegeven' && t.historie.at(-1) ? ` op ${formatDatumTijd(t.historie.at(-1)?.op ?? '')}` : ''}
                      {t.status === 'gegeven' && (
                        <div className="kr-niet-afdrukken">
                          <Button
                            appearance="secondary-action-button"
                            onClick={() => void trekIn(t)}
                            aria-label={`Toestemming voor ${doelLabel(t.doel).toLowerCase()} intrekken`}
                          >
                            Intrekken
                          </Button>
                        </div>
                      )}
                    </TableCell>
                  </TableRow>
                ))}
              </Tabel>
            )}

            <Heading2 id="inzage-kop">Wie heeft mijn gegevens gebruikt</Heading2>
            <Paragraph>Elke keer dat een organisatie uw gegevens inziet of deelt, wordt dat vastgelegd. Hier ziet u wie, wanneer, wat en waarom.</Paragraph>
            {inzage.verwerkingen.length === 0 ? (
              <Paragraph>Er is nog niets vastgelegd.</Paragraph>
            ) : (
              <Tabel koppen={['Wanneer', 'Wie', 'Wat', 'Welke gegevens', 'Waarom']} aria-labelledby="inzage-kop">
                {[...inzage.verwerkingen].reverse().map((v) => (
                  <TableRow key={`${v.keten}-${v.volgnummer}`}>
                    <TableCell>
                      <time dateTime={v.tijdstip}>{formatDatumTijd(v.tijdstip)}</time>
                    </TableCell>
                    <TableCell>
                      {wie(v.organisatie, organisaties)}
                      {v.ontvanger ? `, aan ${wie(v.ontvanger, organisaties)}` : ''}
                    </TableCell>
                    <TableCell>
                      {verwerkingLabel(v.handeling)}
                      {verwerkingStatusLabel(v.status) ? ` (${verwerkingStatusLabel(v.status)})` : ''}
                    </TableCell>
                    <TableCell>{v.categorieen.length > 0 ? opsomming(v.categorieen.map(categorieLabel)) : 'Geen'}</TableCell>
                    <TableCell>
                      {v.verwerkingsactiviteit?.naam ?? (v.doel ? doelLabel(v.doel) : v.handeling === 'inzage' ? 'Uw recht op inzage' : 'Niet vermeld')}
                    </TableCell>
                  </TableRow>
                ))}
              </Tabel>
            )}
          </>
        )}
      </Toon>
    </>
  );
}

function TrajectUitleg({ t, programmas }: { t: Schemas['TrajectOverzichtDto']; programmas: readonly Schemas['ProgrammaSamenvattingDto'][] }) {
  const programma = programmas.find((p) => p.code === t.programma.code)?.naam ?? 'een traject';
  const stand =
    t.status === 'gepauzeerd'
      ? 'Uw traject staat op dit moment even stil.'
      : t.status === 'uitgevallen'
        ? 'U doet niet meer mee aan dit traject.'
        : (FASE_UITLEG[t.fase] ?? '');
  return (
    <div className="kr-uitleg">
      <Paragraph>
        U doet mee aan {programma}. U bent begonnen op {formatDatum(t.startdatum)}. Het traject loopt tot en met {formatDatum(t.geplandeEinddatum)}.
      </Paragraph>
      <Paragraph>{stand}</Paragraph>
      {t.volgendeTermijn && t.status === 'actief' && (
        <Paragraph>
          Volgende stap: {taakLabel(t.volgendeTermijn.soort).toLowerCase()}, uiterlijk op {formatDatum(t.volgendeTermijn.vervalt)}.
        </Paragraph>
      )}
    </div>
  );
}

/** A processing log names organisations by id; the deelnemer reads their names. */
function wie(id: string, organisaties: ReadonlyMap<string, Organisatie>): string {
  if (id.startsWith('deelnemer:')) return 'Uzelf';
  return organisatieNaam(organisaties, id);
}

function selectorNaam(s: Selector, organisaties: ReadonlyMap<string, Organisatie>): string {
  return s.soort === 'organisatie' ? organisatieNaam(organisaties, s.organisatie) : `elke ${organisatieTypeLabel(s.type).toLowerCase()}`;
}
