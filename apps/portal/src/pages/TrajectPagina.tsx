import { DataList, Heading2, Paragraph } from '@utrecht/component-library-react';
import { Link as RouterLink, useLocation, useParams } from 'react-router';
import { api, type Schemas } from '../api/client';
import { verwacht } from '../api/fouten';
import { useGeladen } from '../app/laden';
import { PaginaTitel, Regel, Toon, Uitkomst } from '../app/onderdelen';
import { formatDatum } from '../format/datum';
import { statusLabel, uitvalRedenLabel } from '../format/labels';
import { ACTIES } from './TrajectVastleggenPagina';

/** The forms that fit the traject as it stands (the API still decides; a refusal is explained on the form). */
function actiesVoor(o: Schemas['TrajectOverzichtDto']): string[] {
  if (o.status === 'uitgevallen' || o.status === 'afgesloten') return ['heropening'];
  if (o.status === 'gepauzeerd') return ['hervatting', 'uitval'];
  const perFase: Readonly<Record<string, readonly string[]>> = {
    'contact-leggen': ['contactpoging'],
    kennismaking: ['contactmoment', 'kennismaking'],
    diagnose: ['contactmoment', 'diagnose'],
    'plan-van-aanpak': ['contactmoment', 'plan'],
    uitvoering: ['contactmoment', 'evaluatie'],
    afronding: ['contactmoment'],
    nazorg: ['contactmoment'],
  };
  return [...(perFase[o.fase] ?? []), 'pauze', 'uitval'];
}

/** A traject: where it stands, the next deadline, what can be recorded now, and its timeline for people, newest first. */
export function TrajectPagina() {
  const { id = '' } = useParams();
  const melding = (useLocation().state as { melding?: string } | null)?.melding;
  const traject = useGeladen(async () => {
    const pad = { params: { path: { id } } };
    const [overzicht, verloop] = await Promise.all([
      verwacht(api.GET('/api/v1/trajecten/{id}', pad)),
      verwacht(api.GET('/api/v1/trajecten/{id}/verloop', pad)),
    ]);
    return { overzicht, verloop };
  }, [id]);

  return (
    <>
      <PaginaTitel>Traject</PaginaTitel>
      <Uitkomst melding={melding} />
      <Toon geladen={traject}>
        {({ overzicht: o, verloop }) => (
          <>
            <DataList className="kr-gegevens">
              <Regel sleutel="Programma">{verloop.programma}</Regel>
              <Regel sleutel="Fase">
                {verloop.fase} ({statusLabel(o.status).toLowerCase()})
              </Regel>
              <Regel sleutel="Gestart op">{formatDatum(o.startdatum)}</Regel>
              <Regel sleutel="Geplande einddatum">{formatDatum(o.geplandeEinddatum)}</Regel>
              <Regel sleutel="Volgende termijn">
                {verloop.volgendeTermijn ? (
                  <>
                    {verloop.volgendeTermijn.titel} ({verloop.volgendeTermijn.voor}), uiterlijk {verloop.volgendeTermijn.uiterlijk}
                    {verloop.volgendeTermijn.verlopen ? <strong>: verstreken</strong> : ''}
                  </>
                ) : (
                  'Geen'
                )}
              </Regel>
              {o.uitval && (
                <Regel sleutel="Uitgevallen">
                  Op {formatDatum(o.uitval.datum)}: {uitvalRedenLabel(o.uitval.reden)}
                </Regel>
              )}
            </DataList>
            <Heading2 id="vastleggen-kop">Vastleggen</Heading2>
            <ul className="kr-taken-menu" aria-labelledby="vastleggen-kop">
              {actiesVoor(o).map((a) => (
                <li key={a}>
                  <RouterLink to={`/trajecten/${id}/vastleggen/${a}`}>{ACTIES[a].titel}</RouterLink>
                </li>
              ))}
            </ul>
            {o.status !== 'afgesloten' && o.status !== 'uitgevallen' && (
              <Paragraph>
                <RouterLink to={`/trajecten/${id}/overdracht`}>Warme overdracht aanvragen</RouterLink>
              </Paragraph>
            )}
            <Heading2 id="tijdlijn-kop">Tijdlijn</Heading2>
            <ol className="kr-tijdlijn" aria-labelledby="tijdlijn-kop">
              {verloop.gebeurtenissen.map((g) => (
                <li key={g.volgnummer} className="kr-tijdlijn__item">
                  <p className="kr-tijdlijn__datum">
                    <time dateTime={g.datum}>{g.datumTekst}</time>
                    {g.vastgelegdOp ? ` · vastgelegd ${g.vastgelegdOp}` : ''} · {g.door} · fase {g.fase.toLowerCase()}
                  </p>
                  <p className="kr-tijdlijn__titel">{g.titel}</p>
                  {g.details.length > 0 && (
                    <ul className="kr-tijdlijn__details">
                      {g.details.map((d) => (
                        <li key={d}>{d}</li>
                      ))}
                    </ul>
                  )}
                </li>
              ))}
            </ol>
          </>
        )}
      </Toon>
    </>
  );
}
