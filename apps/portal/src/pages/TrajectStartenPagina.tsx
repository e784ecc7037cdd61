import { Button, Fieldset, FieldsetLegend, Paragraph } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { api, type Schemas } from '../api/client';
import { apiFoutVan, verwacht } from '../api/fouten';
import { useGeladen } from '../app/laden';
import { FoutenOverzicht, FoutMelding, Keuzeveld, PaginaTitel, Toon, useFormulierFouten } from '../app/onderdelen';
import { useIngelogd } from '../app/sessie-context';
import { portalConfig } from '../auth/portal-config';

/** Coded reasons of an aanmelding (the API takes any lower-case code; these are the region's). */
const AANMELDREDENEN: readonly { code: string; label: string }[] = [
  { code: 'activering', label: 'Activering' },
  { code: 'zorg-en-participatie', label: 'Zorg en participatie' },
  { code: 'toeleiding-werk', label: 'Toeleiding naar werk' },
];

const AFWIJKINGEN: readonly { code: Schemas['TrajectStartenDto']['doelgroepAfwijking'] & string; label: string }[] = [
  { code: 'maatwerkbesluit', label: 'Maatwerkbesluit' },
  { code: 'bijvangst', label: 'Bijvangst' },
  { code: 'pilot-uitzondering', label: 'Uitzondering voor een pilot' },
];

const LABELS = {
  programma: 'Programma',
  aanmeldreden: 'Reden van aanmelding',
  coach: 'Coach',
  ladderTrede: 'Trede op de participatieladder',
  doelgroepAfwijking: 'Reden om buiten de doelgroep te starten',
};

/** Starting a traject for a registered deelnemer; the klantmanager's organisation takes the regie. */
export function TrajectStartenPagina() {
  const { id = '' } = useParams();
  const sessie = useIngelogd();
  const navigate = useNavigate();
  const gegevens = useGeladen(async () => {
    const [deelnemer, programmas, config, organisaties] = await Promise.all([
      verwacht(api.GET('/api/v1/deelnemers/{id}', { params: { path: { id } } })),
      verwacht(api.GET('/api/v1/programmas')),
      portalConfig(),
      verwacht(api.GET('/api/v1/organisaties')),
    ]);
    // Embedded mode only: every organisation that has coaches has one demo coach, the subject of
    // its demo token. Elsewhere a coach is assigned on the traject once it runs.
    const coachTypes = Object.entries(config.demo?.rollenPerOrganisatieType ?? {})
      .filter(([, rollen]) => rollen.includes('coach'))
      .map(([type]) => type);
    const coaches = organisaties.filter((o) => coachTypes.includes(o.type)).map((o) => ({ coachId: `dev:${o.id}:coach`, organisatieId: o.id, naam: o.naam }));
    return { deelnemer, programmas, coaches };
  }, [id]);
  const [programma, zetProgramma] = useState('');
  const [aanmeldreden, zetAanmeldreden] = useState('');
  const [coach, zetCoach] = useState('');
  const [ladderTrede, zetLadderTrede] = useState('');
  const [afwijking, zetAfwijking] = useState('');
  const { fouten, poging, toonFouten, apiFout, zetApiFout } = useFormulierFouten();
  const [bezig, zetBezig] = useState(false);

  const verstuur = (coaches: readonly { coachId: string; organisatieId: string }[]) => async (event: FormEvent) => {
    event.preventDefault();
    zetApiFout(undefined);
    const gevonden: Record<string, string> = {};
    if (!programma) gevonden['programma'] = 'Kies een programma.';
    if (!aanmeldreden) gevonden['aanmeldreden'] = 'Kies de reden van aanmelding.';
    toonFouten(gevonden);
    if (Object.keys(gevonden).length > 0) return;
    const gekozenCoach = coaches.find((c) => c.coachId === coach);
    const body: Schemas['TrajectStartenDto'] = {
      deelnemerId: id,
      programmaCode: programma,
      aanmeldreden,
      regie: { regievoerderId: sessie.sub, organisatieId: sessie.organisatie },
      ...(gekozenCoach ? { coach: { coachId: gekozenCoach.coachId, organisatieId: gekozenCoach.organisatieId } } : {}),
      doelgroep: ladderTrede ? { ladderTrede: Number(ladderTrede) } : {},
      ...(afwijking ? { doelgroepAfwijking: afwijking as Schemas['TrajectStartenDto']['doelgroepAfwijking'] } : {}),
    };
    zetBezig(true);
    try {
      const { id: trajectId } = await verwacht(api.POST('/api/v1/trajecten', { body }));
      navigate(`/trajecten/${trajectId}`, { state: { melding: 'Het traject is gestart.' } });
    } catch (error) {
      zetApiFout(apiFoutVan(error, 'Het traject kon niet worden gestart.'));
      zetBezig(false);
    }
  };

  return (
    <>
      <PaginaTitel>Traject starten</PaginaTitel>
      <Toon geladen={gegevens}>
        {({ deelnemer, programmas, coaches }) => (
          <form onSubmit={verstuur(coaches)} noValidate className="kr-formulier">
            <Paragraph>
              Voor {deelnemer.voornamen} {deelnemer.achternaam}. Uw organisatie voert de regie; u bent de regievoerder.
            </Paragraph>
            <FoutenOverzicht fouten={fouten} labels={LABELS} poging={poging} />
            {apiFout && <FoutMelding fout={apiFout} />}
            <Fieldset>
              <FieldsetLegend>Traject</FieldsetLegend>
              <Keuzeveld
                id="programma"
                label={LABELS.programma}
                fout={fouten['programma']}
                leeg="Kies een programma"
                opties={programmas.map((p) => [p.code, p.naam] as const)}
                waarde={programma}
                bijKeuze={zetProgramma}
                verplicht
              />
              <Keuzeveld
                id="aanmeldreden"
                label={LABELS.aanmeldreden}
                fout={fouten['aanmeldreden']}
                leeg="Kies een reden"
                opties={AANMELDREDENEN.map((r) => [r.code, r.label] as const)}
                waarde={aanmeldreden}
                bijKeuze={zetAanmeldreden}
                verplicht
              />
              {coaches.length > 0 && (
                <Keuzeveld
                  id="coach"
                  label={LABELS.coach}
                  optioneel
                  beschrijving="De coach kan ook later worden toegewezen."
                  leeg="Later toewijzen"
                  opties={coaches.map((c) => [c.coachId, `Coach van ${c.naam}`] as const)}
                  waarde={coach}
                  bijKeuze={zetCoach}
                />
              )}
            </Fieldset>
            <Fieldset>
              <FieldsetLegend>Doelgroep</FieldsetLegend>
              <Keuzeveld
                id="ladderTrede"
                label={LABELS.ladderTrede}
                optioneel
                beschrijving="Voor de toets of de deelnemer bij de doelgroep van het programma hoort."
                leeg="Onbekend"
                opties={[1, 2, 3, 4, 5, 6].map((n) => [String(n), `Trede ${n}`] as const)}
                waarde={ladderTrede}
                bijKeuze={zetLadderTrede}
              />
              {(afwijking || apiFout?.code === 'TRAJECT.NOT_ELIGIBLE') && (
                <Keuzeveld
                  id="doelgroepAfwijking"
                  label={LABELS.doelgroepAfwijking}
                  beschrijving="Alleen nodig als de deelnemer buiten de doelgroep valt."
                  leeg="Geen"
                  opties={AFWIJKINGEN.map((a) => [a.code, a.label] as const)}
                  waarde={afwijking}
                  bijKeuze={zetAfwijking}
                />
              )}
            </Fieldset>
            <Button type="submit" appearance="primary-action-button" busy={bezig} disabled={bezig}>
              Traject starten
            </Button>
          </form>
        )}
      </Toon>
    </>
  );
}
