import { Button, Paragraph, Select, SelectOption, TableCell, TableRow } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { Link as RouterLink, useSearchParams } from 'react-router';
import { api } from '../api/client';
import { verwacht } from '../api/fouten';
import { useGeladen } from '../app/laden';
import { PaginaTitel, Tabel, Toon, Veld } from '../app/onderdelen';
import { laadOrganisaties, organisatieNaam } from '../app/organisaties';
import { formatDatum, formatDatumTijd } from '../format/datum';
import { aanZetLabel, overdrachtStatusLabel } from '../format/gegevens-labels';

const PER_PAGINA = 10;
type Richting = 'inkomend' | 'uitgaand';
type Status = 'lopend' | 'afgerond';

/**
 * The handovers of my organisation: incoming (the inbox of the receiver, once the deelnemer's
 * consent allowed it) and outgoing, filtered by direction and state, ten per page.
 */
export function OverdrachtenPagina() {
  const [zoek, zetZoek] = useSearchParams();
  const richting = (['inkomend', 'uitgaand'] as const).find((r) => r === zoek.get('richting'));
  const status = (['lopend', 'afgerond'] as const).find((s) => s === zoek.get('status')) ?? (zoek.get('status') === 'alle' ? undefined : 'lopend');
  const pagina = Math.max(1, Number(zoek.get('pagina')) || 1);
  const [keuzeRichting, zetKeuzeRichting] = useState<string>(richting ?? '');
  const [keuzeStatus, zetKeuzeStatus] = useState<string>(status ?? 'alle');
  const lijst = useGeladen(async () => {
    const [antwoord, organisaties] = await Promise.all([
      verwacht(
        api.GET('/api/v1/overdrachten', {
          params: { query: { ...(richting ? { richting } : {}), ...(status ? { status } : {}), pagina, limiet: PER_PAGINA } },
        }),
      ),
      laadOrganisaties(),
    ]);
    return { ...antwoord, organisaties };
  }, [richting, status, pagina]);

  const filter = (event: FormEvent) => {
    event.preventDefault();
    const nieuw = new URLSearchParams();
    if (keuzeRichting) nieuw.set('richting', keuzeRichting as Richting);
    nieuw.set('status', (keuzeStatus as Status | 'alle') || 'alle');
    zetZoek(nieuw);
  };
  const naarPagina = (n: number) => {
    const nieuw = new URLSearchParams(zoek);
    nieuw.set('pagina', String(n));
    return `?${nieuw.toString()}`;
  };

  return (
    <>
      <PaginaTitel>Overdrachten</PaginaTitel>
      <Paragraph>Warme overdrachten van uw organisatie. Een inkomende overdracht ziet u zodra de deelnemer toestemming heeft gegeven voor het delen.</Paragraph>
      <form onSubmit={filter} className="kr-filter" aria-label="Filter">
        <Veld id="filter-richting" label="Richting">
          {(aria) => (
            <Select {...aria} value={keuzeRichting} onChange={(e) => zetKeuzeRichting(e.target.value)}>
              <SelectOption value="">Inkomend en uitgaand</SelectOption>
              <SelectOption value="inkomend">Inkomend</SelectOption>
              <SelectOption value="uitgaand">Uitgaand</SelectOption>
            </Select>
          )}
        </Veld>
        <Veld id="filter-status" label="Stand">
          {(aria) => (
            <Select {...aria} value={keuzeStatus} onChange={(e) => zetKeuzeStatus(e.target.value)}>
              <SelectOption value="lopend">Lopend</SelectOption>
              <SelectOption value="afgerond">Afgerond</SelectOption>
              <SelectOption value="alle">Alle</SelectOption>
            </Select>
          )}
        </Veld>
        <Button type="submit" appearance="secondary-action-button">
          Filteren
        </Button>
      </form>
      <Toon geladen={lijst}>
        {({ overdrachten, totaal, organisaties }) => {
          const paginas = Math.max(1, Math.ceil(totaal / PER_PAGINA));
          return overdrachten.length === 0 ? (
            <Paragraph>Er zijn geen overdrachten die bij dit filter passen.</Paragraph>
          ) : (
            <>
              <Tabel koppen={['Overdracht', 'Stand', 'Aan zet', 'Termijn', 'Bijgewerkt']}>
                {overdrachten.map((o) => (
                  <TableRow key={o.id}>
                    <TableCell>
                      <RouterLink to={`/overdrachten/${o.id}`}>
                        {o.richting === 'inkomend'
                          ? `Inkomend van ${organisatieNaam(organisaties, o.zender.organisatie, o.zender.type)}`
                          : `Uitgaand naar ${organisatieNaam(organisaties, o.ontvanger.organisatie, o.ontvanger.type)}`}
                      </RouterLink>
                    </TableCell>
                    <TableCell>{overdrachtStatusLabel(o.status)}</TableCell>
                    <TableCell>{aanZetLabel(o.aanZet)}</TableCell>
                    <TableCell>{o.termijn ? `Uiterlijk ${formatDatum(o.termijn.uiterlijk)}` : 'Geen'}</TableCell>
                    <TableCell>{formatDatumTijd(o.bijgewerktOp)}</TableCell>
                  </TableRow>
                ))}
              </Tabel>
              <nav aria-label="Paginering" className="kr-paginering">
                <Paragraph>
                  Pagina {pagina} van {paginas} ({totaal} {totaal === 1 ? 'overdracht' : 'overdrachten'})
                </Paragraph>
                {pagina > 1 && <RouterLink to={naarPagina(pagina - 1)}>Vorige pagina</RouterLink>}
                {pagina < paginas && <RouterLink to={naarPagina(pagina + 1)}>Volgende pagina</RouterLink>}
              </nav>
            </>
          );
        }}
      </Toon>
    </>
  );
}
