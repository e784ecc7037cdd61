/**
 * A task as listed for a professional (`GET /api/v1/taken`). A task from a placement in the
 * werkgever lane carries its `plaatsingId` (its `termijnId` is the placement's task key).
 */
export interface TaakRegel {
  readonly trajectId: string;
  readonly termijnId: string;
  readonly soort: string;
  readonly voor: 'coach' | 'regievoerder' | 'jobcoach';
  readonly plaatsingId?: string;
  readonly toegewezenAan: string;
  readonly vervalt: string;
  /** `gepland`: the deadline runs, its task appears on `taakVanaf` (the next call attempt, the re-approach after a "nee"). */
  readonly status: 'open' | 'verlopen' | 'afgerond' | 'gepland';
  readonly taakVanaf?: string;
  readonly geescaleerdNaar?: string;
}
