import { Paragraph, TableCell, TableRow } from '@utrecht/component-library-react';
import { Link as RouterLink } from 'react-router';
import { api } from '../api/client';
import { verwacht } from '../api/fouten';
import { useGeladen } from '../app/laden';
import { PaginaTitel, Tabel, Toon } from '../app/onderdelen';
import { opVolgorde, type Taak } from '../app/taken';
import { formatDatum } from '../format/datum';
import { taakLabel } from '../format/labels';

/** How far a task is: overdue, due, or planned (its task appears later, as the next call-back). */
function stand(t: Taak) {
  if (t.status === 'verlopen') return <strong>Termijn verstreken</strong>;
  if (t.status === 'gepland') return t.taakVanaf ? `Gepland, vanaf ${formatDatum(t.taakVanaf)}` : 'Gepland';
  return 'Op tijd';
}

/** One task: what, by when, how far, and the way to its traject. */
function TaakRij({ t }: { readonly t: Taak }) {
  return (
    <TableRow className={t.status === 'verlopen' ? 'kr-rij--verlopen' : undefined}>
      <TableCell>
        {taakLabel(t.soort)}
        {t.geescaleerdNaar ? ' (geëscaleerd)' : ''}
      </TableCell>
      <TableCell>{formatDatum(t.vervalt)}</TableCell>
      <TableCell>{stand(t)}</TableCell>
      <TableCell>
        <RouterLink to={`/trajecten/${t.trajectId}`} aria-label={`Traject bekijken voor de taak ${taakLabel(t.soort).toLowerCase()}`}>
          Traject bekijken
        </RouterLink>
      </TableCell>
    </TableRow>
  );
}

/** My tasks and deadlines (`GET /taken`), overdue first, planned ones (the next call-back, the re-approach after a "nee") included. */
export function MijnTakenPagina() {
  const taken = useGeladen(async () => opVolgorde((await verwacht(api.GET('/api/v1/taken'))).taken), []);
  return (
    <>
      <PaginaTitel>Mijn taken</PaginaTitel>
      <Toon geladen={taken}>
        {(lijst) =>
          lijst.length === 0 ? (
            <Paragraph>U hebt geen open taken.</Paragraph>
          ) : (
            <>
              <Paragraph>
                {lijst.length === 1 ? 'U hebt 1 taak' : `U hebt ${lijst.length} taken`}
                {lijst.some((t) => t.status === 'verlopen')
                  ? `, waarvan ${lijst.filter((t) => t.status === 'verlopen').length} met een verstreken termijn`
                  : ''}
                {lijst.some((t) => t.status === 'gepland') ? ` en ${lijst.filter((t) => t.status === 'gepland').length} gepland voor later` : ''}.
              </Paragraph>
              <Tabel koppen={['Taak', 'Uiterlijk', 'Stand', 'Traject']}>
                {lijst.map((t) => (
                  <TaakRij key={`${t.trajectId}/${t.termijnId}`} t={t} />
                ))}
              </Tabel>
            </>
          )
        }
      </Toon>
    </>
  );
}
