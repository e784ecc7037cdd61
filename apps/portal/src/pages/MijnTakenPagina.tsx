import { Paragraph, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { Link as RouterLink } from 'react-router';
import { api } from '../api/client';
import type { Taak } from '../api/antwoorden';
import { verwacht } from '../api/fouten';
import { useGeladen } from '../app/laden';
import { PaginaTitel, Toon } from '../app/onderdelen';
import { opVolgorde } from '../app/taken';
import { formatDatum } from '../format/datum';
import { taakLabel } from '../format/labels';

/** My open tasks and deadlines (`GET /taken`), overdue first. */
export function MijnTakenPagina() {
  const taken = useGeladen(async () => opVolgorde((await verwacht<{ taken: Taak[] }>(api.GET('/api/v1/taken'))).taken), []);
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
                {lijst.length === 1 ? 'U hebt 1 open taak' : `U hebt ${lijst.length} open taken`}
                {lijst.some((t) => t.status === 'verlopen')
                  ? `, waarvan ${lijst.filter((t) => t.status === 'verlopen').length} met een verstreken termijn`
                  : ''}
                .
              </Paragraph>
              <Table className="kr-tabel">
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell scope="col">Taak</TableHeaderCell>
                    <TableHeaderCell scope="col">Uiterlijk</TableHeaderCell>
                    <TableHeaderCell scope="col">Stand</TableHeaderCell>
                    <TableHeaderCell scope="col">Traject</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {lijst.map((t) => (
                    <TableRow key={`${t.trajectId}/${t.termijnId}`} className={t.status === 'verlopen' ? 'kr-rij--verlopen' : undefined}>
                      <TableCell>
                        {taakLabel(t.soort)}
                        {t.geescaleerdNaar ? ' (geëscaleerd)' : ''}
                      </TableCell>
                      <TableCell>{formatDatum(t.vervalt)}</TableCell>
                      <TableCell>{t.status === 'verlopen' ? <strong>Termijn verstreken</strong> : 'Op tijd'}</TableCell>
                      <TableCell>
                        <RouterLink to={`/trajecten/${t.trajectId}`} aria-label={`Traject bekijken voor de taak ${taakLabel(t.soort).toLowerCase()}`}>
                          Traject bekijken
                        </RouterLink>
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </>
          )
        }
      </Toon>
    </>
  );
}
