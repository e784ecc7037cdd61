import { DataList, Heading2, Paragraph } from '@utrecht/component-library-react';
import { Link as RouterLink, useLocation, useParams } from 'react-router';
import { api } from '../api/client';
import { verwacht } from '../api/fouten';
import { useGeladen } from '../app/laden';
import { PaginaTitel, Regel, Toon, Uitkomst } from '../app/onderdelen';
import { useIngelogd } from '../app/sessie-context';
import { formatDatum } from '../format/datum';
import { faseLabel, statusLabel } from '../format/labels';

/** A deelnemer with their trajecten; the klantmanager starts a traject from here. */
export function DeelnemerPagina() {
  const { id = '' } = useParams();
  const sessie = useIngelogd();
  const melding = (useLocation().state as { melding?: string } | null)?.melding;
  const deelnemer = useGeladen(() => verwacht(api.GET('/api/v1/deelnemers/{id}', { params: { path: { id } } })), [id]);
  return (
    <>
      <PaginaTitel>Deelnemer</PaginaTitel>
      <Uitkomst melding={melding} />
      <Toon geladen={deelnemer}>
        {(d) => (
          <>
            <DataList className="kr-gegevens">
              <Regel sleutel="Naam">
                {d.voornamen} {d.achternaam}
              </Regel>
              <Regel sleutel="BSN">{d.bsn ?? d.bsnGemaskeerd}</Regel>
              <Regel sleutel="Geboortedatum">{formatDatum(d.geboortedatum)}</Regel>
            </DataList>
            <Heading2>Trajecten</Heading2>
            {d.trajecten.length === 0 ? (
              <Paragraph>Deze deelnemer heeft nog geen traject.</Paragraph>
            ) : (
              <ul className="kr-lijst">
                {d.trajecten.map((t) => (
                  <li key={t.id}>
                    <RouterLink to={`/trajecten/${t.id}`}>Traject{t.startdatum ? ` gestart op ${formatDatum(t.startdatum)}` : ''}</RouterLink>
                    {t.fase ? ` · ${faseLabel(t.fase)}` : ''}
                    {t.status ? ` · ${statusLabel(t.status)}` : ''}
                  </li>
                ))}
              </ul>
            )}
            {sessie.rol === 'klantmanager' && (
              <Paragraph>
                <RouterLink className="kr-knoplink" to={`/deelnemers/${d.id}/traject-starten`}>
                  Traject starten
                </RouterLink>
              </Paragraph>
            )}
          </>
        )}
      </Toon>
    </>
  );
}
