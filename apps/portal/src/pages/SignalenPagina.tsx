import { Paragraph, TableCell, TableRow } from '@utrecht/component-library-react';
import { Link as RouterLink } from 'react-router';
import { api } from '../api/client';
import { verwacht } from '../api/fouten';
import { useGeladen } from '../app/laden';
import { PaginaTitel, Tabel, Toon } from '../app/onderdelen';

/**
 * The regievoerder's signals (`GET /signalen`), newest first: drop-outs, refused or withdrawn
 * consent, escalated deadlines and lead changes in the trajecten the organisation leads or registered.
 */
export function SignalenPagina() {
  const signalen = useGeladen(async () => (await verwacht(api.GET('/api/v1/signalen'))).signalen, []);
  return (
    <>
      <PaginaTitel>Signalen</PaginaTitel>
      <Paragraph>Uitval, geweigerde of ingetrokken toestemming, escalaties en regiewissels in de trajecten waarvan uw organisatie de regie voert.</Paragraph>
      <Toon geladen={signalen}>
        {(lijst) =>
          lijst.length === 0 ? (
            <Paragraph>Er zijn geen signalen.</Paragraph>
          ) : (
            <Tabel koppen={['Signaal', 'Deelnemer', 'Wat er gebeurde', 'Wanneer']}>
              {lijst.map((s, i) => (
                <TableRow key={`${s.trajectId}/${i}`}>
                  <TableCell>
                    <strong>{s.soortTekst}</strong>
                  </TableCell>
                  <TableCell>
                    <RouterLink to={`/trajecten/${s.trajectId}`}>{s.deelnemer?.naam ?? 'Traject bekijken'}</RouterLink>
                    <br />
                    {s.programma}
                  </TableCell>
                  <TableCell>
                    {s.titel}
                    {s.details.length > 0 && `: ${s.details.join('; ')}`}
                  </TableCell>
                  <TableCell>
                    <time dateTime={s.datum}>{s.datumTekst}</time>
                    <br />
                    vastgelegd {s.vastgelegdOp}
                  </TableCell>
                </TableRow>
              ))}
            </Tabel>
          )
        }
      </Toon>
    </>
  );
}
