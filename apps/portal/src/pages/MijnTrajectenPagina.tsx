import { Paragraph, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { Link as RouterLink } from 'react-router';
import { api } from '../api/client';
import type { Programma, Taak, TrajectOverzicht } from '../api/antwoorden';
import { ApiFout, verwacht } from '../api/fouten';
import { useGeladen } from '../app/laden';
import { PaginaTitel, Toon } from '../app/onderdelen';
import { formatDatum } from '../format/datum';
import { faseLabel, statusLabel, taakLabel } from '../format/labels';

/**
 * My trajecten. The API has no list of trajecten yet, so this page lists the trajecten the
 * signed-in professional has an open task in (`GET /taken`), each with its overview.
 */
export function MijnTrajectenPagina() {
  const trajecten = useGeladen(async () => {
    const [{ taken }, programmas] = await Promise.all([
      verwacht<{ taken: Taak[] }>(api.GET('/api/v1/taken')),
      verwacht<Programma[]>(api.GET('/api/v1/programmas')),
    ]);
    const ids = [...new Set(taken.map((t) => t.trajectId))];
    const overzichten = await Promise.all(
      ids.map((id) =>
        verwacht<TrajectOverzicht>(api.GET('/api/v1/trajecten/{id}', { params: { path: { id } } })).catch((fout: unknown) => {
          if (fout instanceof ApiFout && fout.status === 404) return undefined;
          throw fout;
        }),
      ),
    );
    const naam = (code: string) => programmas.find((p) => p.code === code)?.naam ?? code;
    return overzichten.filter((o): o is TrajectOverzicht => o !== undefined).map((o) => ({ ...o, programmaNaam: naam(o.programma.code) }));
  }, []);
  return (
    <>
      <PaginaTitel>Mijn trajecten</PaginaTitel>
      <Paragraph>De trajecten waarin u een open taak hebt.</Paragraph>
      <Toon geladen={trajecten}>
        {(lijst) =>
          lijst.length === 0 ? (
            <Paragraph>U hebt nu geen trajecten met open taken.</Paragraph>
          ) : (
            <Table className="kr-tabel">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">Programma</TableHeaderCell>
                  <TableHeaderCell scope="col">Gestart</TableHeaderCell>
                  <TableHeaderCell scope="col">Fase</TableHeaderCell>
                  <TableHeaderCell scope="col">Volgende termijn</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {lijst.map((t) => (
                  <TableRow key={t.trajectId}>
                    <TableCell>
                      <RouterLink to={`/trajecten/${t.trajectId}`}>{t.programmaNaam}</RouterLink>
                    </TableCell>
                    <TableCell>{formatDatum(t.startdatum)}</TableCell>
                    <TableCell>
                      {faseLabel(t.fase)}
                      {t.status !== 'actief' ? ` (${statusLabel(t.status).toLowerCase()})` : ''}
                    </TableCell>
                    <TableCell>
                      {t.volgendeTermijn
                        ? `${taakLabel(t.volgendeTermijn.soort)}, uiterlijk ${formatDatum(t.volgendeTermijn.vervalt)}${t.volgendeTermijn.verlopen ? ' (verstreken)' : ''}`
                        : 'Geen'}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )
        }
      </Toon>
    </>
  );
}
