/** A task as listed for a professional (`GET /api/v1/taken`). */
export interface TaakRegel {
  readonly trajectId: string;
  readonly termijnId: string;
  readonly soort: string;
  readonly voor: 'coach' | 'regievoerder';
  readonly toegewezenAan: string;
  readonly vervalt: string;
  /** `gepland`: the deadline runs, its task appears on `taakVanaf` (the next call attempt, the re-approach after a "nee"). */
  readonly status: 'open' | 'verlopen' | 'afgerond' | 'gepland';
  readonly taakVanaf?: string;
  readonly geescaleerdNaar?: string;
}
