import { DataList, DataListItem, DataListKey, DataListValue, Heading2, Paragraph } from '@utrecht/component-library-react';
import { Link as RouterLink, useParams } from 'react-router';
import { api } from '../api/client';
import { verwacht } from '../api/fouten';
import { useGeladen } from '../app/laden';
import { PaginaTitel, Toon } from '../app/onderdelen';
import { formatDatumTijd } from '../format/datum';
import { categorieLabel, veldLabel } from '../format/gegevens-labels';

/** The receiver's view of a handover's minimal dossier: only the fields the decision released. Every read is logged. */
export function DossierPagina() {
  const { id = '' } = useParams();
  const dossier = useGeladen(() => verwacht(api.GET('/api/v1/overdrachten/{id}/dossier', { params: { path: { id } } })), [id]);
  return (
    <>
      <PaginaTitel>Dossier van de overdracht</PaginaTitel>
      <Paragraph>
        U ziet alleen de gegevens die voor uw rol nodig zijn en die de deelnemer of de wet vrijgeeft. Elke keer dat u dit dossier opent, wordt vastgelegd; de
        deelnemer kan dat zien.
      </Paragraph>
      <Toon geladen={dossier}>
        {(d) => (
          <>
            <Paragraph>Geleverd op {formatDatumTijd(d.geleverdOp)}.</Paragraph>
            {Object.keys(d.categorieen).length === 0 && <Paragraph>Het dossier bevat geen gegevens.</Paragraph>}
            {Object.entries(d.categorieen).map(([categorie, velden]) => (
              <section key={categorie} aria-labelledby={`dossier-${categorie}`}>
                <Heading2 id={`dossier-${categorie}`}>{categorieLabel(categorie)}</Heading2>
                <DataList className="kr-gegevens">
                  {Object.entries(velden).map(([veld, waarde]) => (
                    <DataListItem key={veld}>
                      <DataListKey>{veldLabel(veld)}</DataListKey>
                      <DataListValue>{String(waarde)}</DataListValue>
                    </DataListItem>
                  ))}
                </DataList>
              </section>
            ))}
          </>
        )}
      </Toon>
      <Paragraph>
        <RouterLink to={`/overdrachten/${id}`}>Terug naar de overdracht</RouterLink>
      </Paragraph>
    </>
  );
}
