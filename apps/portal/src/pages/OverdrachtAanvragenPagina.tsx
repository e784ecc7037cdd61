import { Button, Checkbox, Fieldset, FieldsetLegend, FormField, FormLabel, Heading2, Paragraph, Textbox } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { api, type Schemas } from '../api/client';
import { apiFoutVan, verwacht } from '../api/fouten';
import { useGeladen } from '../app/laden';
import { FoutenOverzicht, FoutMelding, Keuzeveld, PaginaTitel, Toon, useFormulierFouten, Veld } from '../app/onderdelen';
import { laadOrganisaties } from '../app/organisaties';
import { useIngelogd } from '../app/sessie-context';
import { categorieLabel, overdrachtRedenLabel, overTeNemenLabel, regimeLabel, veldLabel } from '../format/gegevens-labels';
import { leesDatum } from '../format/invoer';
import { organisatieTypeLabel } from '../format/labels';

const REDENEN = ['ggz-behandeling', 'schuldhulpverlening', 'begeleiding-naar-werk', 'andere-ondersteuning'] as const;
const OVER_TE_NEMEN = ['regie', 'begeleiding'] as const;
const LABELS = {
  ontvanger: 'Ontvanger',
  reden: 'Reden van de overdracht',
  overTeNemen: 'Wat neemt de ontvanger over?',
  eersteGesprek: 'Voorstel eerste gesprek',
};

type Profiel = Schemas['VrijgaveOverzichtDto'];

/**
 * A warm handover of a traject: choose the receiver from the registry, see per category what the
 * receiver's role may get and what needs the deelnemer's consent, fill in only what is needed,
 * and send. The dossier goes to the receiver only as far as the consent decision releases it.
 */
export function OverdrachtAanvragenPagina() {
  const { id: trajectId = '' } = useParams();
  const sessie = useIngelogd();
  const navigate = useNavigate();
  const basis = useGeladen(async () => {
    const [traject, organisaties] = await Promise.all([
      verwacht(api.GET('/api/v1/trajecten/{id}/betrokkenheid', { params: { path: { id: trajectId } } })),
      laadOrganisaties(),
    ]);
    const ontvangers = [...organisaties.values()].filter((o) => o.id !== sessie.organisatie);
    return { deelnemerId: traject.deelnemerId, ontvangers };
  }, [trajectId]);
  const [ontvanger, zetOntvanger] = useState('');
  const gekozen = basis.status === 'klaar' ? basis.data.ontvangers.find((o) => o.id === ontvanger) : undefined;
  const profiel = useGeladen<Profiel | undefined>(
    async () =>
      gekozen
        ? (
            await verwacht(
              api.GET('/api/v1/vrijgaveprofielen', {
                params: { query: { doel: 'warme-overdracht', ontvangerType: gekozen.type as Profiel['ontvangerType'] } },
              }),
            )
          )[0]
        : undefined,
    [gekozen?.type],
  );
  const [reden, zetReden] = useState('');
  const [overTeNemen, zetOverTeNemen] = useState<string[]>(['regie']);
  const [eersteGesprek, zetEersteGesprek] = useState('');
  const [waarden, zetWaarden] = useState<Record<string, string>>({});
  const { fouten, poging, toonFouten, apiFout, zetApiFout } = useFormulierFouten();
  const [bezig, zetBezig] = useState(false);

  const verstuur = async (event: FormEvent) => {
    event.preventDefault();
    const nieuw: Record<string, string> = {};
    if (!gekozen) nieuw['ontvanger'] = 'Kies de organisatie die het overneemt.';
    if (!reden) nieuw['reden'] = 'Kies een reden.';
    if (overTeNemen.length === 0) nieuw['overTeNemen-regie'] = 'Kies wat de ontvanger overneemt.';
    const datum = eersteGesprek.trim() ? leesDatum(eersteGesprek) : undefined;
    if (eersteGesprek.trim() && !datum) nieuw['eersteGesprek'] = 'Vul een datum in als 12-01-2027.';
    toonFouten(nieuw);
    if (Object.keys(nieuw).length > 0 || !gekozen || basis.status !== 'klaar') return;
    const gegevens: Record<string, Record<string, string>> = {};
    for (const [sleutel, waarde] of Object.entries(waarden)) {
      if (!waarde.trim()) continue;
      const [categorie, veld] = sleutel.split('|') as [string, string];
      (gegevens[categorie] ??= {})[veld] = waarde.trim();
    }
    zetBezig(true);
    zetApiFout(undefined);
    try {
      const overdracht = await verwacht(
        api.POST('/api/v1/overdrachten', {
          body: {
            deelnemerId: basis.data.deelnemerId,
            trajectId,
            ontvanger: { organisatie: gekozen.id, type: gekozen.type as Schemas['OverdrachtAanvraagDto']['ontvanger']['type'] },
            reden,
            overTeNemen,
            ...(datum ? { voorgesteldEersteGesprek: datum } : {}),
            gegevens,
          },
        }),
      );
      navigate(`/overdrachten/${overdracht.id}`, { state: { melding: `De overdracht aan ${gekozen.naam} is aangevraagd.` } });
    } catch (error) {
      zetApiFout(apiFoutVan(error, 'Aanvragen is niet gelukt.'));
      zetBezig(false);
    }
  };

  return (
    <>
      <PaginaTitel>Warme overdracht aanvragen</PaginaTitel>
      <Toon geladen={basis}>
        {({ ontvangers }) => (
          <form onSubmit={verstuur} noValidate className="kr-formulier">
            <FoutenOverzicht fouten={fouten} labels={{ ...LABELS, 'overTeNemen-regie': LABELS.overTeNemen }} poging={poging} />
            {apiFout && <FoutMelding fout={apiFout} />}
            <Keuzeveld
              id="ontvanger"
              label={LABELS.ontvanger}
              beschrijving="De organisatie uit het register die de deelnemer overneemt."
              fout={fouten['ontvanger']}
              leeg="Kies een organisatie"
              opties={ontvangers.map((o) => [o.id, `${o.naam} (${organisatieTypeLabel(o.type).toLowerCase()})`] as const)}
              waarde={ontvanger}
              bijKeuze={zetOntvanger}
            />
            <Keuzeveld
              id="reden"
              label={LABELS.reden}
              fout={fouten['reden']}
              leeg="Kies een reden"
              opties={REDENEN.map((r) => [r, overdrachtRedenLabel(r)] as const)}
              waarde={reden}
              bijKeuze={zetReden}
            />
            <Fieldset aria-describedby={fouten['overTeNemen-regie'] ? 'overTeNemen-fout' : undefined}>
              <FieldsetLegend>{LABELS.overTeNemen}</FieldsetLegend>
              {fouten['overTeNemen-regie'] && (
                <Paragraph id="overTeNemen-fout" className="kr-veldfout">
                  {fouten['overTeNemen-regie']}
                </Paragraph>
              )}
              {OVER_TE_NEMEN.map((o) => (
                <FormField key={o} type="checkbox" className="kr-keuze">
                  <Checkbox
                    id={`overTeNemen-${o}`}
                    checked={overTeNemen.includes(o)}
                    onChange={(e) => zetOverTeNemen((huidig) => (e.target.checked ? [...huidig, o] : huidig.filter((x) => x !== o)))}
                  />
                  <FormLabel htmlFor={`overTeNemen-${o}`} type="checkbox">
                    {overTeNemenLabel(o)}
                  </FormLabel>
                </FormField>
              ))}
            </Fieldset>
            <Veld id="eersteGesprek" label={LABELS.eersteGesprek} beschrijving="Bijvoorbeeld 12-01-2027." optioneel fout={fouten['eersteGesprek']}>
              {(aria) => <Textbox {...aria} value={eersteGesprek} onChange={(e) => zetEersteGesprek(e.target.value)} inputMode="numeric" />}
            </Veld>

            <Heading2>Gegevens voor de ontvanger</Heading2>
            {!gekozen ? (
              <Paragraph>Kies eerst een ontvanger. U ziet dan per soort gegevens wat deze ontvanger mag krijgen en wat alleen met toestemming mag.</Paragraph>
            ) : (
              <Toon geladen={profiel}>
                {(p) =>
                  !p || p.categorieen.length === 0 ? (
                    <Paragraph>Het verwerkingsregister kent geen warme overdracht naar dit soort organisatie: er gaan geen gegevens mee.</Paragraph>
                  ) : (
                    <>
                      <Paragraph>
                        Vul alleen in wat de ontvanger nodig heeft. Gegevens die alleen met toestemming mogen, gaan pas mee als de deelnemer toestemming heeft
                        gegeven. Na de levering ziet u wat is meegegaan en wat niet, en waarom.
                      </Paragraph>
                      <table className="kr-tabel kr-vrijgave" aria-label="Wat deze ontvanger mag krijgen">
                        <thead>
                          <tr>
                            <th scope="col">Gegevens</th>
                            <th scope="col">Mag mee?</th>
                            <th scope="col">Welke velden</th>
                          </tr>
                        </thead>
                        <tbody>
                          {p.categorieen.map((c) => (
                            <tr key={c.categorie}>
                              <th scope="row">
                                {categorieLabel(c.categorie)}
                                {c.bijzonder ? ' (bijzonder persoonsgegeven)' : ''}
                              </th>
                              <td>{regimeLabel(c.regime)}</td>
                              <td>{c.velden.length > 0 ? c.velden.map(veldLabel).join(', ') : 'Geen'}</td>
                            </tr>
                          ))}
                        </tbody>
                      </table>
                      {p.categorieen
                        .filter((c) => c.regime !== 'nooit')
                        .map((c) => (
                          <Fieldset key={c.categorie} className="kr-gegevensgroep">
                            <FieldsetLegend>
                              {categorieLabel(c.categorie)}: {regimeLabel(c.regime).toLowerCase()}
                            </FieldsetLegend>
                            {c.velden.map((veld) => {
                              const sleutel = `${c.categorie}|${veld}`;
                              return (
                                <Veld key={sleutel} id={`gegeven-${c.categorie}-${veld}`} label={veldLabel(veld)} optioneel>
                                  {(aria) => (
                                    <Textbox
                                      {...aria}
                                      value={waarden[sleutel] ?? ''}
                                      onChange={(e) => zetWaarden((w) => ({ ...w, [sleutel]: e.target.value }))}
                                    />
                                  )}
                                </Veld>
                              );
                            })}
                          </Fieldset>
                        ))}
                    </>
                  )
                }
              </Toon>
            )}
            <Button type="submit" appearance="primary-action-button" busy={bezig}>
              Overdracht aanvragen
            </Button>
          </form>
        )}
      </Toon>
    </>
  );
}
