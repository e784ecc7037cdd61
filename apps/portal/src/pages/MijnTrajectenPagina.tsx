import { Button, Checkbox, Fieldset, FieldsetLegend, FormField, FormLabel, Paragraph } from '@utrecht/component-library-react';
import { TableCell, TableRow } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { Link as RouterLink, useSearchParams } from 'react-router';
import { api } from '../api/client';
import type { operations } from '../api/openapi';
import { verwacht } from '../api/fouten';
import { useGeladen } from '../app/laden';
import { Keuzeveld, PaginaTitel, Tabel, Toon } from '../app/onderdelen';
import { formatDatum } from '../format/datum';
import { faseLabel, statusLabel } from '../format/labels';

type Fase = NonNullable<NonNullable<operations['TrajectenController_lijst']['parameters']['query']>['fase']>;

const FASEN = ['aanmelding', 'contact-leggen', 'kennismaking', 'diagnose', 'plan-van-aanpak', 'uitvoering', 'afronding', 'nazorg', 'afgesloten'];
const PER_PAGINA = 10;

/**
 * My deelnemers and trajecten: every traject my organisation is involved in (`GET /trajecten`),
 * filtered by programme, phase and overdue deadlines, a page at a time. The filters live in the
 * address, so a filtered page can be bookmarked and reloaded.
 */
export function MijnTrajectenPagina() {
  const [zoek, zetZoek] = useSearchParams();
  const programma = zoek.get('programma') ?? '';
  const fase = zoek.get('fase') ?? '';
  const verlopen = zoek.get('verlopen') === 'true';
  const pagina = Math.max(1, Number(zoek.get('pagina') ?? '1') || 1);
  const [keuze, zetKeuze] = useState({ programma, fase, verlopen });

  const programmas = useGeladen(() => verwacht(api.GET('/api/v1/programmas')), []);
  const trajecten = useGeladen(
    () =>
      verwacht(
        api.GET('/api/v1/trajecten', {
          params: {
            query: {
              ...(programma ? { programma } : {}),
              ...(fase ? { fase: fase as Fase } : {}),
              ...(verlopen ? { verlopen: 'true' as const } : {}),
              pagina,
              perPagina: PER_PAGINA,
            },
          },
        }),
      ),
    [programma, fase, verlopen, pagina],
  );

  const naarPagina = (n: number, filters = { programma, fase, verlopen }) => {
    const nieuw = new URLSearchParams();
    if (filters.programma) nieuw.set('programma', filters.programma);
    if (filters.fase) nieuw.set('fase', filters.fase);
    if (filters.verlopen) nieuw.set('verlopen', 'true');
    if (n > 1) nieuw.set('pagina', String(n));
    zetZoek(nieuw);
  };
  const filter = (event: FormEvent) => {
    event.preventDefault();
    naarPagina(1, keuze);
  };

  return (
    <>
      <PaginaTitel>Mijn trajecten</PaginaTitel>
      <Paragraph>De deelnemers en trajecten waarbij uw organisatie betrokken is, de nieuwste eerst.</Paragraph>
      <form onSubmit={filter} className="kr-filters" aria-label="Trajecten filteren">
        <Fieldset>
          <FieldsetLegend>Filteren</FieldsetLegend>
          <Keuzeveld
            id="filter-programma"
            label="Programma"
            leeg="Alle programma's"
            opties={programmas.status === 'klaar' ? programmas.data.map((p) => [p.code, p.naam] as const) : []}
            waarde={keuze.programma}
            bijKeuze={(programma) => zetKeuze({ ...keuze, programma })}
          />
          <Keuzeveld
            id="filter-fase"
            label="Fase"
            leeg="Alle fasen"
            opties={FASEN.map((f) => [f, faseLabel(f)] as const)}
            waarde={keuze.fase}
            bijKeuze={(fase) => zetKeuze({ ...keuze, fase })}
          />
          <FormField
            type="checkbox"
            label={<FormLabel htmlFor="filter-verlopen">Alleen met een verstreken termijn</FormLabel>}
            input={<Checkbox id="filter-verlopen" checked={keuze.verlopen} onChange={(e) => zetKeuze({ ...keuze, verlopen: e.target.checked })} />}
          />
          <Button type="submit" appearance="secondary-action-button">
            Filteren
          </Button>
        </Fieldset>
      </form>
      <Toon geladen={trajecten}>
        {(p) =>
          p.trajecten.length === 0 ? (
            <Paragraph>Er zijn geen trajecten die aan deze filters voldoen.</Paragraph>
          ) : (
            <>
              <Paragraph aria-live="polite">
                {p.totaal === 1 ? '1 traject' : `${p.totaal} trajecten`}; pagina {p.pagina} van {p.paginas}.
              </Paragraph>
              <Tabel koppen={['Deelnemer', 'Programma', 'Gestart', 'Fase', 'Volgende termijn']}>
                {p.trajecten.map((t) => (
                  <TableRow key={t.trajectId} className={t.verlopen ? 'kr-rij--verlopen' : undefined}>
                    <TableCell>
                      <RouterLink to={`/trajecten/${t.trajectId}`}>{t.deelnemer?.naam ?? 'Traject bekijken'}</RouterLink>
                    </TableCell>
                    <TableCell>{t.programma.naam}</TableCell>
                    <TableCell>{t.startdatum ? formatDatum(t.startdatum) : ''}</TableCell>
                    <TableCell>
                      {t.faseTekst}
                      {t.status && t.status !== 'actief' ? ` (${statusLabel(t.status).toLowerCase()})` : ''}
                    </TableCell>
                    <TableCell>
                      {t.volgendeTermijn ? (
                        <>
                          {t.volgendeTermijn.titel}, uiterlijk {t.volgendeTermijn.uiterlijk}
                          {t.volgendeTermijn.verlopen ? <strong> (verstreken)</strong> : ''}
                        </>
                      ) : (
                        'Geen'
                      )}
                    </TableCell>
                  </TableRow>
                ))}
              </Tabel>
              <nav aria-label="Paginering" className="kr-paginering">
                <ul>
                  <li>
                    {p.pagina > 1 ? (
                      <Button appearance="secondary-action-button" onClick={() => naarPagina(p.pagina - 1)}>
                        Vorige pagina
                      </Button>
                    ) : null}
                  </li>
                  <li>
                    {p.pagina < p.paginas ? (
                      <Button appearance="secondary-action-button" onClick={() => naarPagina(p.pagina + 1)}>
                        Volgende pagina
                      </Button>
                    ) : null}
                  </li>
                </ul>
              </nav>
            </>
          )
        }
      </Toon>
    </>
  );
}
