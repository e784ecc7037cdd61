import { Alert, Button, Heading2, Heading3, Paragraph, TableCell, TableRow } from '@utrecht/component-library-react';
import { useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { api } from '../api/client';
import { verwacht } from '../api/fouten';
import { useGeladen } from '../app/laden';
import { PaginaTitel, Tabel, Toon } from '../app/onderdelen';
import { laadOrganisaties, organisatieNaam } from '../app/organisaties';
import { formatDatumTijd } from '../format/datum';
import { breukLabel, categorieLabel, opsomming, veldLabel, verwerkingLabel, verwerkingStatusLabel } from '../format/gegevens-labels';
import { organisatieTypeLabel } from '../format/labels';

const type = (t: string) => organisatieTypeLabel(t).toLowerCase();

/** The FG reads the processing register in force: activities, purposes, recipients and release profiles. */
export function VerwerkingsregisterPagina() {
  const register = useGeladen(() => verwacht(api.GET('/api/v1/verwerkingsregister')), []);
  const [nu] = useState(() => Date.now());
  return (
    <>
      <PaginaTitel>Verwerkingsregister</PaginaTitel>
      <Paragraph>
        De verwerkingsactiviteiten van het samenwerkingsverband (AVG artikel 30). <RouterLink to="/fg/verificatie">Controleer de verwerkingslog</RouterLink>.
      </Paragraph>
      <Toon geladen={register}>
        {(r) => {
          const geldend = [...r.versies].filter((v) => new Date(v.geldigVanaf).getTime() <= nu).sort((a, b) => b.versie - a.versie)[0];
          if (!geldend) return <Paragraph>Er is nog geen versie van het register van kracht.</Paragraph>;
          return (
            <>
              <Paragraph>
                Versie {geldend.versie}, geldig vanaf {formatDatumTijd(geldend.geldigVanaf)}. Het register heeft {r.versies.length}{' '}
                {r.versies.length === 1 ? 'versie' : 'versies'}.
              </Paragraph>
              <Heading2>Verwerkingsactiviteiten</Heading2>
              {geldend.activiteiten.map((a) => (
                <section key={a.id} aria-labelledby={`activiteit-${a.id}`} className="kr-uitleg">
                  <Heading3 id={`activiteit-${a.id}`}>{a.naam}</Heading3>
                  <Paragraph>{a.doelomschrijving}</Paragraph>
                  <ul className="kr-lijst">
                    <li>Verwerkingsverantwoordelijken: {opsomming(a.verwerkingsverantwoordelijken.map(type))}</li>
                    <li>Gegevens: {opsomming(a.categorieen.map((c) => categorieLabel(c).toLowerCase()))}</li>
                    <li>
                      Ontvangers:{' '}
                      {opsomming(
                        a.ontvangers.map((o) =>
                          o.wettelijk
                            ? `${type(o.type)} (zonder toestemming: ${opsomming(o.wettelijk.categorieen.map((c) => categorieLabel(c).toLowerCase()))}, op grond van ${o.wettelijk.grondslag.wet})`
                            : `${type(o.type)} (alleen met toestemming)`,
                        ),
                      )}
                    </li>
                    <li>
                      Bewaartermijn: {a.bewaartermijn.jaren} jaar na {a.bewaartermijn.vanaf === 'einde-traject' ? 'het einde van het traject' : 'de verwerking'}
                    </li>
                  </ul>
                </section>
              ))}
              <Heading2 id="profielen-kop">Vrijgaveprofielen</Heading2>
              <Paragraph>Wat een soort ontvanger ooit mag krijgen. Wat hier niet staat, gaat nooit naar die ontvanger, ook niet met toestemming.</Paragraph>
              <Tabel koppen={['Ontvanger', 'Gegevens', 'Velden', 'Voorwaarde']} aria-labelledby="profielen-kop">
                {geldend.releaseProfielen.flatMap((p) =>
                  p.regels.map((regel) => (
                    <TableRow key={`${p.ontvangerType}-${regel.categorie}`}>
                      <TableCell>{organisatieTypeLabel(p.ontvangerType)}</TableCell>
                      <TableCell>{categorieLabel(regel.categorie)}</TableCell>
                      <TableCell>{regel.velden === 'alle' ? 'Alle' : opsomming(regel.velden.map((v) => veldLabel(v).toLowerCase()))}</TableCell>
                      <TableCell>{regel.voorwaarde === 'alleen-met-toestemming' ? 'Alleen met toestemming' : 'Wettelijke grondslag of toestemming'}</TableCell>
                    </TableRow>
                  )),
                )}
              </Tabel>
            </>
          );
        }}
      </Toon>
    </>
  );
}

/** The FG verifies the hash chain of the processing log and reads its latest lines (pseudonymised). */
export function VerificatiePagina() {
  const [ronde, zetRonde] = useState(0);
  const [na, zetNa] = useState<{ naKeten: number; naVolgnummer: number }>();
  const gegevens = useGeladen(async () => {
    const [verificatie, pagina, organisaties] = await Promise.all([
      verwacht(api.GET('/api/v1/verwerkingen/verificatie')),
      verwacht(api.GET('/api/v1/verwerkingen', { params: { query: { limiet: 20, ...(na ?? {}) } } })),
      laadOrganisaties(),
    ]);
    return { verificatie, regels: pagina.regels, volgende: pagina.volgende, organisaties };
  }, [ronde, na]);
  return (
    <>
      <PaginaTitel>Controle van de verwerkingslog</PaginaTitel>
      <Paragraph>
        Elke regel van de verwerkingslog bevat de hash van de vorige. Zo is te controleren dat er niets is gewijzigd of weggehaald.{' '}
        <RouterLink to="/fg/register">Naar het verwerkingsregister</RouterLink>.
      </Paragraph>
      <Toon geladen={gegevens}>
        {({ verificatie: v, regels, volgende, organisaties }) => (
          <>
            {v.geldig ? (
              <Alert type="ok" role="status">
                <Paragraph>
                  De verwerkingslog is in orde: {v.aantal} {v.aantal === 1 ? 'regel' : 'regels'} gecontroleerd op {formatDatumTijd(v.gecontroleerdOp)}.
                </Paragraph>
              </Alert>
            ) : (
              <Alert type="error" role="alert">
                <Paragraph>
                  De verwerkingslog is niet in orde: {breukLabel(v.breuk?.reden)} (keten {v.breuk?.keten}, regel {v.breuk?.volgnummer}). {v.aantal} regels waren
                  in orde. Gecontroleerd op {formatDatumTijd(v.gecontroleerdOp)}.
                </Paragraph>
              </Alert>
            )}
            {v.kopHash && (
              <Paragraph>
                Kophash om te publiceren: <code className="kr-hash">{v.kopHash}</code>
              </Paragraph>
            )}
            <Paragraph className="kr-niet-afdrukken">
              <Button appearance="secondary-action-button" onClick={() => zetRonde((n) => n + 1)}>
                Opnieuw controleren
              </Button>
            </Paragraph>
            <Heading2 id="regels-kop">Regels van de log</Heading2>
            <Paragraph>In volgorde van vastleggen, twintig per keer. De betrokkene staat er alleen als pseudoniem in.</Paragraph>
            <Tabel koppen={['Regel', 'Wanneer', 'Wat', 'Organisatie', 'Gegevens']} aria-labelledby="regels-kop">
              {regels.map((r) => (
                <TableRow key={`${r.keten}-${r.volgnummer}`}>
                  <TableCell>
                    {r.keten}.{r.volgnummer}
                  </TableCell>
                  <TableCell>{formatDatumTijd(r.tijdstip)}</TableCell>
                  <TableCell>
                    {verwerkingLabel(r.handeling)}
                    {verwerkingStatusLabel(r.status) ? ` (${verwerkingStatusLabel(r.status)})` : ''}
                  </TableCell>
                  <TableCell>{r.organisatie.startsWith('deelnemer:') ? 'De deelnemer zelf' : organisatieNaam(organisaties, r.organisatie)}</TableCell>
                  <TableCell>{r.categorieen.length > 0 ? opsomming(r.categorieen.map(categorieLabel)) : 'Geen'}</TableCell>
                </TableRow>
              ))}
            </Tabel>
            <nav aria-label="Paginering" className="kr-paginering kr-niet-afdrukken">
              {na && (
                <Button appearance="subtle-button" onClick={() => zetNa(undefined)}>
                  Terug naar het begin
                </Button>
              )}
              {volgende && (
                <Button appearance="subtle-button" onClick={() => zetNa(volgende)}>
                  Volgende twintig regels
                </Button>
              )}
            </nav>
          </>
        )}
      </Toon>
    </>
  );
}
