/**
 * The shapes of the traject's state that its update, queries and activities carry. Types only:
 * the rules that produce them live in `@ketenregie/traject-domain`, which the workflow imports
 * directly (workflows may depend on their own context's pure domain).
 */
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
