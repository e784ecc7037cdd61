/**
 * The shapes of a handover's state that the overdracht workflow's queries and activities carry.
 * Types only: the rules live in `@ketenregie/exchange-domain`, which the workflow imports
 * directly (workflows may depend on their own context's pure domain).
 */
export type {
  Afwijzing,
  AfwijzingReden,
  BesluitUitkomst,
  CategorieCode,
  Deelnemende,
  Eindstatus,
  OntvangerType,
  OverdrachtInstellingen,
  OverdrachtStap,
  OverdrachtStatus,
  OverdrachtToestand,
  Termijn,
  Vrijgave,
} from '@ketenregie/exchange-domain';
