import { Button, DataList, Heading2, Paragraph, TableCell, TableRow } from '@utrecht/component-library-react';
import { api, type Schemas } from '../api/client';
import { verwacht } from '../api/fouten';
import { useGeladen, useStap } from '../app/laden';
import { PaginaTitel, Regel, Tabel, Toon, Uitkomst } from '../app/onderdelen';
import { formatDatum } from '../format/datum';

type Werkgeversoverzicht = Schemas['WerkgeversoverzichtDto'];
type WerkgeverPlaatsing = Werkgeversoverzicht['plaatsingen'][number];

const FASE: Readonly<Record<string, string>> = {
  kennismaking: 'Kennismaking',
  proefplaatsing: 'Proefplaatsing',
  loonwaardemeting: 'Loonwaardemeting',
  subsidiebesluit: 'Besluit loonkostensubsidie',
  contract: 'Contract',
  'in-dienst': 'In dienst',
  duurzaam: 'Duurzaam geplaatst',
  teruggeleid: 'Terug naar het traject',
};
const TERMIJN: Readonly<Record<string, string>> = {
  'evaluatie-proefplaatsing': 'Evaluatie proefplaatsing',
  'einde-proefplaatsing': 'Einde proefplaatsing',
  checkin: 'Gesprek met de jobcoach',
  'herbeoordeling-subsidie': 'Herbeoordeling loonkostensubsidie',
  'einde-subsidie': 'Einde loonkostensubsidie',
  'einde-contract': 'Einde contract',
  duurzaamheidscheck: 'Controle duurzame plaatsing',
};

/** The employer's page: its placements, the next agreements and deadlines, whom to call and the support available. */
export function WerkgeverPlaatsingenPagina() {
  const overzicht = useGeladen(() => verwacht(api.GET('/api/v1/werkgeversoverzicht')), []);

  const { melding, fout, neem } = useStap(overzicht.opnieuw);
  const bevestigEvaluatie = (p: WerkgeverPlaatsing) =>
    neem(
      () =>
        verwacht(
          api.POST('/api/v1/plaatsingen/{id}/opdrachten', {
            params: { path: { id: p.plaatsingId } },
            body: { soort: 'evaluatie', uitkomst: 'positief', door: 'werkgever' },
          }),
        ),
      `De evaluatie van de proefplaatsing ${p.vacature.titel} is bevestigd.`,
      'Er ging iets mis bij het bevestigen.',
    );

  return (
    <>
      <PaginaTitel>Mijn plaatsingen</PaginaTitel>
      <Uitkomst melding={melding} fout={fout} />
      <Toon geladen={overzicht}>
        {(o) => (
          <>
            {o.plaatsingen.length === 0 && <Paragraph>U hebt nog geen plaatsingen.</Paragraph>}
            {o.plaatsingen.map((p) => (
              <section key={p.plaatsingId} aria-labelledby={`plaatsing-${p.plaatsingId}`}>
                <Heading2 id={`plaatsing-${p.plaatsingId}`}>
                  {p.vacature.titel}
                  {p.kandidaat.roepnaam ? `: ${p.kandidaat.roepnaam}` : ''}
                </Heading2>
                <DataList className="kr-gegevens">
                  <Regel sleutel="Stand">{FASE[p.fase] ?? p.fase}</Regel>
                  {p.afspraken.proefplaatsing && (
                    <Regel sleutel="Proefplaatsing">
                      {formatDatum(p.afspraken.proefplaatsing.start)} tot {formatDatum(p.afspraken.proefplaatsing.einde)}, met behoud van uitkering
                      {p.afspraken.proefplaatsing.verlengd ? ' (verlengd)' : ''}
                    </Regel>
                  )}
                  {p.afspraken.loonkostensubsidie && (
                    <Regel sleutel="Loonkostensubsidie">
                      {p.afspraken.loonkostensubsidie.percentage}% tot {formatDatum(p.afspraken.loonkostensubsidie.einde)}
                    </Regel>
                  )}
                  {p.afspraken.contract && (
                    <Regel sleutel="Contract">
                      {p.afspraken.contract.urenPerWeek} uur per week vanaf {formatDatum(p.afspraken.contract.start)}
                      {p.afspraken.contract.einde ? ` tot ${formatDatum(p.afspraken.contract.einde)}` : ''}
                    </Regel>
                  )}
                  {p.kandidaat.beperkingen && (
                    <Regel sleutel="Afspraken over belastbaarheid">
                      {[
                        p.kandidaat.beperkingen.belastbaarheidUren ? `${p.kandidaat.beperkingen.belastbaarheidUren} uur per week` : '',
                        ...(p.kandidaat.beperkingen.aanpassingenWerkplek ?? []),
                      ]
                        .filter(Boolean)
                        .join(', ')}
                    </Regel>
                  )}
                  <Regel sleutel="Uw contactpersoon">
                    {p.contactpersoon.naam} ({p.contactpersoon.telefoon}){p.plaatsvervanger ? `, vervanger ${p.plaatsvervanger.naam}` : ''}
                  </Regel>
                </DataList>
                {p.fase === 'proefplaatsing' && (
                  <Button appearance="primary-action-button" onClick={() => void bevestigEvaluatie(p)}>
                    Evaluatie bevestigen voor {p.vacature.titel}
                  </Button>
                )}
              </section>
            ))}
            <Heading2>Volgende afspraken en termijnen</Heading2>
            {o.volgendeTermijnen.length === 0 ? (
              <Paragraph>Er staan geen afspraken gepland.</Paragraph>
            ) : (
              <Tabel koppen={['Wat', 'Wanneer']}>
                {o.volgendeTermijnen.map((t) => (
                  <TableRow key={`${t.plaatsingId}/${t.soort}`}>
                    <TableCell>{TERMIJN[t.soort] ?? t.soort}</TableCell>
                    <TableCell>{formatDatum(t.datum)}</TableCell>
                  </TableRow>
                ))}
              </Tabel>
            )}
            <Heading2>Wie belt u?</Heading2>
            <Paragraph>{o.bellen.uitleg}</Paragraph>
            <Paragraph>
              {o.bellen.werkgeversservicepunt.naam}: {o.bellen.werkgeversservicepunt.telefoon}, {o.bellen.werkgeversservicepunt.email}
            </Paragraph>
            <Heading2>Ondersteuning die u kunt krijgen</Heading2>
            <ul>
              {o.ondersteuning.map((x) => (
                <li key={x.code}>{x.uitleg}</li>
              ))}
            </ul>
          </>
        )}
      </Toon>
    </>
  );
}
