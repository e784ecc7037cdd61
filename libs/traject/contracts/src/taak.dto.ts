/** A task as listed for a professional (`GET /api/v1/taken`). */
export interface TaakRegel {
  readonly trajectId: string;
  readonly termijnId: string;
  readonly soort: string;
  readonly voor: 'coach' | 'regievoerder';
  readonly toegewezenAan: string;
  readonly vervalt: string;
  readonly status: 'open' | 'verlopen' | 'afgerond';
  readonly geescaleerdNaar?: string;
}
