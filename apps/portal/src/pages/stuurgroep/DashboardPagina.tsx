import {
  Button,
  ButtonGroup,
  FormField,
  FormLabel,
  Heading2,
  Paragraph,
  Select,
  SelectOption,
  TableCell,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useId, useState, type ReactNode } from 'react';
import { api, type Schemas } from '../../api/client';
import { verwacht } from '../../api/fouten';
import { useGeladen } from '../../app/laden';
import { PaginaTitel, Tabel, Toon } from '../../app/onderdelen';
import { laadOrganisaties, organisatieNaam } from '../../app/organisaties';
import {
  afspraken,
  beweging,
  caseload,
  definitieVan,
  overdrachten,
  periodeLabel,
  perioden,
  samenvatting,
  trechter,
  trend,
  type AfsprakenRapport,
  type Figuur,
  type IndicatorDefinitie,
  type IndicatorRapport,
  type Rij,
} from './cijfers';
import { Grafiek } from './Grafiek';
import './dashboard.css';

/**
 * An indicator's written definition: shown while the pointer is over it or its button has
 * keyboard focus (CSS), and hidden again with Escape until the next focus or hover (WCAG 1.4.13).
 */
function Definitie({ definitie }: { readonly definitie?: IndicatorDefinitie }) {
  const id = useId();
  const [gesloten, zetGesloten] = useState(false);
  if (!definitie) return null;
  return (
    <span className={gesloten ? 'kr-definitie kr-definitie--gesloten' : 'kr-definitie'}>
      <button
        type="button"
        className="kr-definitie__knop"
        aria-describedby={id}
        onFocus={() => zetGesloten(false)}
        onMouseEnter={() => zetGesloten(false)}
        onKeyDown={(e) => e.key === 'Escape' && zetGesloten(true)}
      >
        Definitie: {definitie.naam}
      </button>
      <span role="tooltip" id={id} className="kr-definitie__tekst">
        <strong>{definitie.naam}.</strong> Teller: {definitie.teller} Noemer: {definitie.noemer} Periode: {definitie.periodeRegel} {definitie.toelichting}
      </span>
    </span>
  );
}

/** A figure in a table cell: a suppressed one is marked in words and with a pattern, never by colour alone. */
function FiguurCel({ figuur }: { readonly figuur: Figuur }) {
  return <TableCell className={figuur.onderdrukt ? 'kr-cijfer kr-cijfer--onderdrukt' : 'kr-cijfer'}>{figuur.tekst}</TableCell>;
}

/** A section of the dashboard: heading with the definitions, a chart and the table of the same numbers beside it. */
function Onderdeel(props: {
  readonly id: string;
  readonly titel: string;
  readonly definities: readonly (IndicatorDefinitie | undefined)[];
  readonly grafiek: ReactNode;
  readonly tabel: ReactNode;
}) {
  return (
    <section aria-labelledby={props.id} className="kr-dashboard__onderdeel">
      <div className="kr-dashboard__kop">
        <Heading2 id={props.id}>{props.titel}</Heading2>
        {props.definities.map((d) => d && <Definitie key={d.code} definitie={d} />)}
      </div>
      <div className="kr-dashboard__paar">
        <div className="kr-dashboard__grafiek">{props.grafiek}</div>
        <div className="kr-dashboard__tabel">{props.tabel}</div>
      </div>
    </section>
  );
}

/** A table of rows with one column per figure. */
function CijferTabel(props: { readonly bijschrift: string; readonly kolommen: readonly string[]; readonly rijen: readonly Rij[]; readonly leeg?: string }) {
  if (props.rijen.length === 0) return <Paragraph>{props.leeg ?? 'Nog geen gegevens.'}</Paragraph>;
  return (
    <Tabel bijschrift={props.bijschrift} koppen={props.kolommen}>
      {props.rijen.map((r) => (
        <TableRow key={r.sleutel}>
          <TableHeaderCell scope="row">{r.label}</TableHeaderCell>
          {r.figuren.map((f, i) => (
            <FiguurCel key={i} figuur={f} />
          ))}
        </TableRow>
      ))}
    </Tabel>
  );
}

/** A section of rows: a chart of the chosen columns (`reeksen`) and the table of every column. */
function CijferOnderdeel(props: {
  readonly id: string;
  readonly titel: string;
  readonly definities: readonly (IndicatorDefinitie | undefined)[];
  /** What the chart shows, for its summary ("Staafdiagram van …"). */
  readonly grafiekTitel: string;
  readonly bijschrift: string;
  readonly kolommen: readonly string[];
  readonly rijen: readonly Rij[];
  /** The columns drawn (index into each row's figures), with their name. */
  readonly reeksen: readonly { readonly naam: string; readonly kolom: number }[];
  readonly soort?: 'staaf' | 'lijn';
  readonly eenheid?: '' | '%';
  readonly leeg?: string;
}) {
  const { rijen, reeksen } = props;
  const meer = reeksen.length > 1;
  return (
    <Onderdeel
      id={props.id}
      titel={props.titel}
      definities={props.definities}
      grafiek={
        rijen.length > 0 && (
          <Grafiek
            labels={rijen.map((r) => r.label)}
            reeksen={reeksen.map((x) => ({ naam: x.naam, figuren: rijen.map((r) => r.figuren[x.kolom]), soort: props.soort }))}
            eenheid={props.eenheid}
            samenvatting={samenvatting(
              `${props.soort === 'lijn' ? 'Lijndiagram' : 'Staafdiagram'} van ${props.grafiekTitel}`,
              rijen.map((r) => ({
                label: r.label,
                tekst: reeksen.map((x) => `${meer ? `${x.naam.toLowerCase()} ` : ''}${r.figuren[x.kolom].tekst}`).join(', '),
              })),
            )}
          />
        )
      }
      tabel={<CijferTabel bijschrift={props.bijschrift} kolommen={props.kolommen} rijen={rijen} leeg={props.leeg} />}
    />
  );
}

/** Saves a text as a file through the browser. */
function bewaar(tekst: string, bestandsnaam: string): void {
  const url = URL.createObjectURL(new Blob([tekst], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = bestandsnaam;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

type Convenant = Schemas['ConvenantDto'];

interface Gegevens {
  readonly rapport: IndicatorRapport;
  readonly naam: (id: string) => string;
  readonly convenant?: Convenant;
  readonly afspraken?: AfsprakenRapport;
}

async function laad(): Promise<Gegevens> {
  const [rapport, organisaties, convenanten] = await Promise.all([
    verwacht(api.GET('/api/v1/indicatoren', { params: { query: { periode: 'kwartaal' } } })),
    laadOrganisaties(),
    verwacht(api.GET('/api/v1/convenanten')),
  ]);
  const convenant = convenanten[0];
  const afspraakRapport = convenant ? await verwacht(api.GET('/api/v1/convenanten/{id}/afspraken', { params: { path: { id: convenant.id } } })) : undefined;
  return { rapport, naam: (id) => organisatieNaam(organisaties, id), convenant, afspraken: afspraakRapport };
}

/**
 * The stuurgroeplid's dashboard of the convenant: aggregates only (no deelnemer, no names, no
 * free text), counts of 1 to 4 suppressed and marked, each chart beside a table of the same
 * numbers, definitions on hover and focus, CSV export and a printable report.
 */
export default function DashboardPagina() {
  const gegevens = useGeladen(laad, []);
  return (
    <>
      <PaginaTitel>Dashboard convenant</PaginaTitel>
      <Paragraph>
        De cijfers zijn lerende signalen bij de afspraken van het convenant, geen ranglijst. Alles is geteld over organisaties en perioden; een aantal van 1 tot
        4 wordt niet getoond en heet <em>onderdrukt</em>, een totaal waarachter onderdrukte aantallen zitten heet <em>ten minste</em>.
      </Paragraph>
      <Toon geladen={gegevens}>{(g) => <Dashboard gegevens={g} />}</Toon>
    </>
  );
}

function Dashboard({ gegevens }: { readonly gegevens: Gegevens }) {
  const { rapport, naam } = gegevens;
  const alle = perioden(rapport);
  const [gekozen, zetGekozen] = useState<string | undefined>(undefined);
  const [melding, zetMelding] = useState('');
  const periode = gekozen ?? alle.at(-1) ?? '';
  const def = (code: IndicatorDefinitie['code']) => definitieVan(rapport, code);

  const kwartaal = periodeLabel(periode);
  const toezeggingen = gegevens.afspraken ? afspraken(gegevens.afspraken, naam) : [];

  const exporteer = async (soort: 'indicatoren' | 'afspraken') => {
    const antwoord =
      soort === 'indicatoren'
        ? await api.GET('/api/v1/indicatoren/export', { params: { query: { periode: 'kwartaal' } }, parseAs: 'text' })
        : await api.GET('/api/v1/convenanten/{id}/afspraken/export', { params: { path: { id: gegevens.convenant?.id ?? '' } }, parseAs: 'text' });
    if (!antwoord.response.ok || typeof antwoord.data !== 'string') {
      zetMelding('Het exporteren is niet gelukt. Probeer het opnieuw.');
      return;
    }
    bewaar(antwoord.data, `${soort}-${rapport.peildatum}.csv`);
    zetMelding(`Het CSV-bestand met de ${soort} is opgeslagen.`);
  };

  return (
    <>
      <div className="kr-dashboard__acties kr-niet-afdrukken">
        <FormField
          className="kr-veld"
          label={<FormLabel htmlFor="dashboard-periode">Kwartaal</FormLabel>}
          input={
            <Select id="dashboard-periode" value={periode} onChange={(e) => zetGekozen(e.target.value)}>
              {alle.map((p) => (
                <SelectOption key={p} value={p}>
                  {periodeLabel(p)}
                </SelectOption>
              ))}
            </Select>
          }
        />
        <ButtonGroup>
          <Button appearance="secondary-action-button" onClick={() => void exporteer('indicatoren')}>
            Indicatoren als CSV
          </Button>
          {gegevens.convenant && (
            <Button appearance="secondary-action-button" onClick={() => void exporteer('afspraken')}>
              Afspraken als CSV
            </Button>
          )}
          <Button appearance="secondary-action-button" onClick={() => window.print()}>
            Rapport afdrukken
          </Button>
        </ButtonGroup>
        <p role="status" className="kr-melding">
          {melding}
        </p>
      </div>
      <Paragraph className="kr-afdruk-kop">
        {kwartaal}, cijfers van {rapport.peildatum}
        {gegevens.convenant ? ` — ${gegevens.convenant.huidig.naam}` : ''}.
      </Paragraph>

      <CijferOnderdeel
        id="dashboard-trechter"
        titel="Bereik: de trechter"
        definities={[def('bereik')]}
        grafiekTitel={`de trechter, ${kwartaal}, alle partners`}
        bijschrift={`Trechter, ${kwartaal}, alle partners`}
        kolommen={['Stap', 'Trajecten']}
        rijen={trechter(rapport, periode)}
        reeksen={[{ naam: 'Trajecten', kolom: 0 }]}
      />
      <CijferOnderdeel
        id="dashboard-beweging"
        titel="Beweging op de Participatieladder en de ZRM"
        definities={[def('ladder-stijging'), def('zrm-verbetering')]}
        grafiekTitel={`het percentage trajecten dat vooruitging, ${kwartaal}`}
        bijschrift={`Beweging, ${kwartaal}, alle partners`}
        kolommen={['Meting', 'Percentage vooruit', 'Vooruit', 'Gemeten']}
        rijen={beweging(rapport, periode)}
        reeksen={[{ naam: 'Percentage vooruit', kolom: 0 }]}
        eenheid="%"
      />
      <CijferOnderdeel
        id="dashboard-overdrachten"
        titel="Warme overdrachten: tijdigheid per partner"
        definities={[def('overdrachten-binnen-termijn'), def('overdracht-doorlooptijd')]}
        grafiekTitel={`de overdrachten binnen de termijn per ontvangende partner, ${kwartaal}`}
        bijschrift={`Overdrachten per ontvangende partner, ${kwartaal}`}
        kolommen={['Partner', 'Binnen de termijn', 'Overdrachten', 'Mediaan tot acceptatie']}
        rijen={overdrachten(rapport, periode, naam)}
        reeksen={[{ naam: 'Binnen de termijn', kolom: 0 }]}
        eenheid="%"
        leeg="Nog geen overdrachten in de cijfers: de overdrachten voeden het dashboard nog niet."
      />
      <CijferOnderdeel
        id="dashboard-trend"
        titel="Trend per kwartaal"
        definities={[def('bereik')]}
        grafiekTitel="de aangemelde en actieve trajecten per kwartaal, alle partners"
        bijschrift="Trajecten per kwartaal, alle partners"
        kolommen={['Kwartaal', 'Aangemeld', 'Actief']}
        rijen={trend(rapport)}
        reeksen={[
          { naam: 'Aangemeld', kolom: 0 },
          { naam: 'Actief', kolom: 1 },
        ]}
        soort="lijn"
      />
      <CijferOnderdeel
        id="dashboard-caseload"
        titel="Caseload per professional"
        definities={[def('caseload')]}
        grafiekTitel={`het aantal professionals per caseload, ${kwartaal}`}
        bijschrift={`Professionals per caseload, ${kwartaal}`}
        kolommen={['Caseload', 'Professionals']}
        rijen={caseload(rapport, periode)}
        reeksen={[{ naam: 'Professionals', kolom: 0 }]}
      />

      <section aria-labelledby="dashboard-afspraken" className="kr-dashboard__onderdeel">
        <div className="kr-dashboard__kop">
          <Heading2 id="dashboard-afspraken">Afspraken per partner</Heading2>
          {gegevens.afspraken?.definities.map((d) => (
            <Definitie key={d.code} definitie={d} />
          ))}
        </div>
        {!gegevens.afspraken ? (
          <Paragraph>Uw organisatie is geen partij in een convenant.</Paragraph>
        ) : (
          <div className="kr-dashboard__paar">
            <div className="kr-dashboard__grafiek">
              <Grafiek
                labels={toezeggingen.map((t) => `${t.partner}: ${t.toezegging}`)}
                reeksen={[
                  {
                    naam: 'Gerealiseerd als percentage van de toezegging',
                    figuren: toezeggingen.map((t) => ({
                      waarde: t.realisatie,
                      tekst: t.realisatie === null ? t.gerealiseerd.tekst : `${t.realisatie.toLocaleString('nl-NL')}%`,
                      onderdrukt: t.gerealiseerd.onderdrukt,
                    })),
                  },
                ]}
                samenvatting={samenvatting(
                  'Staafdiagram van wat elke partner realiseerde als percentage van de toezegging, laatste periode',
                  toezeggingen.map((t) => ({ label: `${t.partner}, ${t.toezegging}`, tekst: `${t.gerealiseerd.tekst} van ${t.toegezegd}` })),
                )}
              />
            </div>
            <div className="kr-dashboard__tabel kr-dashboard__tabel--breed">
              <Tabel
                bijschrift="Toezeggingen en wat er gerealiseerd is, laatste periode per toezegging"
                koppen={['Partner en toezegging', 'Periode', 'Toegezegd', 'Gerealiseerd', 'Van de toezegging', 'Signaal']}
              >
                {toezeggingen.map((t) => (
                  <TableRow key={t.sleutel}>
                    <TableHeaderCell scope="row">
                      {t.partner}: {t.toezegging}
                    </TableHeaderCell>
                    <TableCell>{t.periode}</TableCell>
                    <TableCell>{t.toegezegd}</TableCell>
                    <FiguurCel figuur={t.gerealiseerd} />
                    <TableCell>{t.realisatie === null ? '—' : `${t.realisatie.toLocaleString('nl-NL')}%`}</TableCell>
                    <TableCell>
                      <strong>{t.signaal}.</strong> {t.context}
                    </TableCell>
                  </TableRow>
                ))}
              </Tabel>
            </div>
          </div>
        )}
      </section>
    </>
  );
}
