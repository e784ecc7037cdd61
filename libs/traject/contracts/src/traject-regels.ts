/**
 * The pure traject rules the workflow executes, re-exported from the domain so that workflow
 * code depends on contracts only. Everything here is deterministic: no I/O, no clock (today is
 * always an argument), safe inside Temporal's workflow sandbox.
 */
export {
  amsterdamDate,
  berekenVoortgang,
  startOfAmsterdamDate,
  startTraject,
  TRAJECT_ERROR_CODES,
  verwerkTijd,
  voerUit,
  volgendeTermijn,
  volgendMoment,
} from '@ketenregie/traject-domain';

export type {
  Coach,
  Fase,
  Meting,
  OpdrachtSoort,
  ProgrammaDefinitie,
  Regie,
  StartInvoer,
  Termijn,
  TermijnSoort,
  TijdlijnGebeurtenis,
  TrajectActie,
  TrajectErrorCode,
  TrajectOpdracht,
  TrajectState,
  TrajectStatus,
  TrajectUitkomst,
  Uitvoerder,
  Verantwoordelijke,
  Voortgang,
} from '@ketenregie/traject-domain';
