import { alsZin, FASE_LABELS, labelVan, TAAK_LABELS, UITVAL_REDEN_LABELS } from '@ketenregie/shared-kernel';
import type { Schemas } from '../api/client';

export { alsZin };

/**
 * Dutch labels for the codes the API returns where it gives no text for people (the timeline
 * and the next deadline come as text from `GET /trajecten/{id}/verloop`). An unknown code is
 * shown as a readable phrase, never hidden.
 */

export const rolLabel = labelVan({
  klantmanager: 'Klantmanager',
  coach: 'Coach',
  jobcoach: 'Jobcoach',
  behandelaar: 'Behandelaar',
  stuurgroeplid: 'Stuurgroeplid',
  fg: 'Functionaris gegevensbescherming',
  deelnemer: 'Deelnemer',
});

export const organisatieTypeLabel = labelVan({
  gemeente: 'Gemeente',
  uitvoerder: 'Uitvoerder',
  werkgever: 'Werkgever',
  ggz: 'GGZ-instelling',
  schuldhulp: 'Schuldhulpverlening',
  wijkteam: 'Wijkteam',
});

export const faseLabel = labelVan(FASE_LABELS);

export const statusLabel = labelVan({ actief: 'Actief', gepauzeerd: 'Gepauzeerd', uitgevallen: 'Uitgevallen', afgesloten: 'Afgesloten' });

export const taakLabel = labelVan(TAAK_LABELS);

export const taakStatusLabel = labelVan({ open: 'Open', verlopen: 'Termijn verstreken', afgerond: 'Afgerond' });

type UitvalReden = NonNullable<Schemas['TrajectOverzichtDto']['uitval']>['reden'];

/** Every coded drop-out reason of the API (its OpenAPI enum: a new code fails the build until it has its text), in Dutch. */
export const UITVAL_REDENEN: Readonly<Record<UitvalReden, string>> = UITVAL_REDEN_LABELS;
export const uitvalRedenLabel = labelVan(UITVAL_REDENEN);
