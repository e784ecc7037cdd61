/**
 * The pure exchange rules the overdracht workflow executes, re-exported from the domain so that
 * workflow code depends on contracts only. Deterministic: no I/O, no clock.
 */
export {
  acceptatieTermijn,
  aanZet,
  beginVanDag,
  dossierLeesbaar,
  DOSSIER_BEHOEFTE,
  EXCHANGE_ERROR_CODES,
  instellingen,
  isEindstatus,
  nazorgCheckins,
  nederlandseDatum,
  NIEUWE_OVERDRACHT,
  onbereikbaarOp,
  stapToegestaan,
  toestemmingTermijn,
  volgendeToestand,
} from '@ketenregie/exchange-domain';

export type {
  Afwijzing,
  AfwijzingReden,
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
