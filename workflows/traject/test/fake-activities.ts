import type {
  Escalatie,
  Melding,
  TaakAanmaken,
  TaakAfronden,
  TakenOverdragen,
  TermijnVerlopen,
  TijdlijnGebeurtenis,
  TijdlijnVastleggen,
  TrajectActivities,
  TrajectOverzicht,
  UitkomstVerwerken,
} from '@ketenregie/traject-contracts';
import { TRAJECT_ACTIVITY_NAMES } from '@ketenregie/traject-contracts';

/**
 * In-memory activities that behave like the real adapters where the workflow can notice:
 * idempotent on `sleutel` (a retried call has no second effect) and on the timeline number.
 */
export class FakeTrajectActivities implements TrajectActivities {
  readonly taken: TaakAanmaken[] = [];
  readonly verlopen: TermijnVerlopen[] = [];
  readonly escalaties: Escalatie[] = [];
  readonly afgerond: TaakAfronden[] = [];
  readonly overdrachten: TakenOverdragen[] = [];
  readonly meldingen: Melding[] = [];
  readonly tijdlijn = new Map<string, TijdlijnGebeurtenis[]>();
  readonly projecties = new Map<string, TrajectOverzicht>();
  private readonly sleutels = new Set<string>();

  private eenmalig<T extends { sleutel: string }>(lijst: T[], invoer: T): void {
    if (this.sleutels.has(invoer.sleutel)) return;
    this.sleutels.add(invoer.sleutel);
    lijst.push(invoer);
  }

  async createTask(invoer: TaakAanmaken) {
    this.eenmalig(this.taken, invoer);
  }
  async signalOverdue(invoer: TermijnVerlopen) {
    this.eenmalig(this.verlopen, invoer);
  }
  async escalate(invoer: Escalatie) {
    this.eenmalig(this.escalaties, invoer);
  }
  async closeTask(invoer: TaakAfronden) {
    this.eenmalig(this.afgerond, invoer);
  }
  async transferTasks(invoer: TakenOverdragen) {
    this.eenmalig(this.overdrachten, invoer);
  }
  async notify(invoer: Melding) {
    this.eenmalig(this.meldingen, invoer);
  }
  async recordTimeline(invoer: TijdlijnVastleggen) {
    const lijst = this.tijdlijn.get(invoer.trajectId) ?? [];
    for (const g of invoer.gebeurtenissen) if (!lijst.some((x) => x.nr === g.nr)) lijst.push(g);
    lijst.sort((a, b) => a.nr - b.nr);
    this.tijdlijn.set(invoer.trajectId, lijst);
  }
  async updateProjection(invoer: TrajectOverzicht) {
    const huidig = this.projecties.get(invoer.trajectId);
    if (!huidig || huidig.versie <= invoer.versie) this.projecties.set(invoer.trajectId, invoer);
  }

  async applyOutcome(invoer: UitkomstVerwerken) {
    await this.updateProjection(invoer.overzicht);
    await this.recordTimeline({ trajectId: invoer.trajectId, gebeurtenissen: invoer.gebeurtenissen });
    for (const e of invoer.effecten) await (this[e.naam] as (i: typeof e.invoer) => Promise<void>)(e.invoer);
  }

  /** This object's methods, as the `activities` option of `Worker.create`. */
  alsActiviteiten(): Record<string, (i: never) => Promise<void>> {
    return Object.fromEntries(TRAJECT_ACTIVITY_NAMES.map((n) => [n, (this[n] as (i: never) => Promise<void>).bind(this)]));
  }
}
