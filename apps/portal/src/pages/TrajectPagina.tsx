import { Alert, DataList, DataListItem, DataListKey, DataListValue, Heading2, Paragraph } from '@utrecht/component-library-react';
import { Link as RouterLink, useLocation, useParams } from 'react-router';
import { api } from '../api/client';
import type { Programma, TijdlijnGebeurtenis, TrajectOverzicht } from '../api/antwoorden';
import { verwacht } from '../api/fouten';
import { useGeladen } from '../app/laden';
import { PaginaTitel, Toon } from '../app/onderdelen';
import { formatDatum } from '../format/datum';
import { faseLabel, leesbareGebeurtenis, statusLabel, taakLabel, uitvalRedenLabel } from '../format/labels';

/** A traject: where it stands, the next deadline, and its timeline, newest first. */
export function TrajectPagina() {
  const { id = '' } = useParams();
  const melding = (useLocation().state as { melding?: string } | null)?.melding;
  const traject = useGeladen(async () => {
    const pad = { params: { path: { id } } };
    const [overzicht, { gebeurtenissen }, programmas] = await Promise.all([
      verwacht<TrajectOverzicht>(api.GET('/api/v1/trajecten/{id}', pad)),
      verwacht<{ gebeurtenissen: TijdlijnGebeurtenis[] }>(api.GET('/api/v1/trajecten/{id}/tijdlijn', pad)),
      verwacht<Programma[]>(api.GET('/api/v1/programmas')),
    ]);
    const programma = programmas.find((p) => p.code === overzicht.programma.code)?.naam ?? overzicht.programma.code;
    return { overzicht, gebeurtenissen: [...gebeurtenissen].sort((a, b) => b.nr - a.nr), programma };
  }, [id]);

  return (
    <>
      <PaginaTitel>Traject</PaginaTitel>
      {melding && (
        <Alert type="ok" role="status">
          <Paragraph>{melding}</Paragraph>
        </Alert>
      )}
      <Toon geladen={traject}>
        {({ overzicht: o, gebeurtenissen, programma }) => (
          <>
            <DataList className="kr-gegevens">
              <DataListItem>
                <DataListKey>Programma</DataListKey>
                <DataListValue>{programma}</DataListValue>
              </DataListItem>
              <DataListItem>
                <DataListKey>Fase</DataListKey>
                <DataListValue>
                  {faseLabel(o.fase)} ({statusLabel(o.status).toLowerCase()})
                </DataListValue>
              </DataListItem>
              <DataListItem>
                <DataListKey>Gestart op</DataListKey>
                <DataListValue>{formatDatum(o.startdatum)}</DataListValue>
              </DataListItem>
              <DataListItem>
                <DataListKey>Geplande einddatum</DataListKey>
                <DataListValue>{formatDatum(o.geplandeEinddatum)}</DataListValue>
              </DataListItem>
              <DataListItem>
                <DataListKey>Volgende termijn</DataListKey>
                <DataListValue>
                  {o.volgendeTermijn
                    ? `${taakLabel(o.volgendeTermijn.soort)} (${o.volgendeTermijn.voor === 'coach' ? 'coach' : 'regievoerder'}), uiterlijk ${formatDatum(o.volgendeTermijn.vervalt)}${o.volgendeTermijn.verlopen ? ': verstreken' : ''}`
                    : 'Geen'}
                </DataListValue>
              </DataListItem>
              {o.uitval && (
                <DataListItem>
                  <DataListKey>Uitgevallen</DataListKey>
                  <DataListValue>
                    Op {formatDatum(o.uitval.datum)}: {uitvalRedenLabel(o.uitval.reden)}
                  </DataListValue>
                </DataListItem>
              )}
            </DataList>
            {o.status !== 'afgesloten' && o.status !== 'uitgevallen' && (
              <Paragraph>
                <RouterLink to={`/trajecten/${id}/overdracht`}>Warme overdracht aanvragen</RouterLink>
              </Paragraph>
            )}
            <Heading2 id="tijdlijn-kop">Tijdlijn</Heading2>
            <ol className="kr-tijdlijn" aria-labelledby="tijdlijn-kop">
              {gebeurtenissen.map((g) => {
                const leesbaar = leesbareGebeurtenis(g.soort, g.gegevens, formatDatum);
                return (
                  <li key={g.nr} className="kr-tijdlijn__item">
                    <p className="kr-tijdlijn__datum">
                      <time dateTime={g.datum}>{formatDatum(g.datum)}</time> · fase {faseLabel(g.fase).toLowerCase()}
                    </p>
                    <p className="kr-tijdlijn__titel">{leesbaar.titel}</p>
                    {leesbaar.details.length > 0 && (
                      <ul className="kr-tijdlijn__details">
                        {leesbaar.details.map((d) => (
                          <li key={d}>{d}</li>
                        ))}
                      </ul>
                    )}
                  </li>
                );
              })}
            </ol>
          </>
        )}
      </Toon>
    </>
  );
}
