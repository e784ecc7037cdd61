import type { MonitoringActivities } from '@ketenregie/monitoring-contracts';
import { amsterdamDate } from '@ketenregie/shared-kernel';

/** One recorded call: the activity, its input and the (skipped) Dutch date it ran on. */
export interface Aanroep {
  readonly naam: keyof MonitoringActivities;
  readonly invoer: Record<string, unknown>;
  readonly datum: string;
}

/** Stand-in for the worker's monitoring adapters: records every call once per `sleutel`, like the real stores. */
export class FakeMonitoringActivities {
  readonly aanroepen: Aanroep[] = [];
  private readonly sleutels = new Set<string>();

  constructor(private readonly klok: () => Promise<number>) {}

  alsActiviteiten(): MonitoringActivities {
    const neem =
      (naam: keyof MonitoringActivities) =>
      async (invoer: { sleutel: string }): Promise<void> => {
        if (this.sleutels.has(invoer.sleutel)) return;
        this.sleutels.add(invoer.sleutel);
        this.aanroepen.push({ naam, invoer, datum: amsterdamDate(await this.klok()) });
      };
    return {
      publishPilotReport: neem('publishPilotReport'),
      recordPilotDecision: neem('recordPilotDecision'),
      publishQuarterReport: neem('publishQuarterReport'),
      notifyStuurgroep: neem('notifyStuurgroep'),
    };
  }

  /** `<what>@<date>`: a report's moment, a notification's subject (and addressee), a decision. */
  verloop(): string[] {
    return this.aanroepen.map((a) => {
      const i = a.invoer;
      const wat =
        a.naam === 'publishPilotReport'
          ? `rapport:${String(i['moment'])}`
          : a.naam === 'recordPilotDecision'
            ? `besluit:${String(i['besluit'])}${i['nieuweEinddatum'] ? `:${String(i['nieuweEinddatum'])}` : ''}`
            : a.naam === 'publishQuarterReport'
              ? `kwartaalrapport:${String(i['kwartaal'])}`
              : `${String(i['onderwerp'])}:${String(i['aan'])}`;
      return `${wat}@${a.datum}`;
    });
  }
}
