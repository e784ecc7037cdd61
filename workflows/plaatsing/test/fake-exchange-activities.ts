import { overdrachtWorkflowId } from '@ketenregie/exchange-contracts';
import type { ExchangeActivities, OverdrachtUitkomst, OverdrachtWorkflowInput, StapRegistratie } from '@ketenregie/exchange-contracts';
import type { PlaatsingActivities, TerugleidingAanvraag } from '@ketenregie/plaatsing-contracts';
import { ApplicationFailure } from '@temporalio/common';

/**
 * The exchange context's activities for the warm return a placement starts: the receiver may
 * see the deelnemer's contact details, the dossier is delivered, and each handover step is kept
 * once per key (as the outbox de-duplicates), so the test can read the handover's course.
 */
export class FakeTerugleidingExchange {
  readonly stappen = new Map<string, StapRegistratie>();

  /** Event types recorded, in order, without the `nl.ketenregie.overdracht.` prefix. */
  get verloop(): string[] {
    return [...this.stappen.values()].map((s) => s.gebeurtenis.replace('nl.ketenregie.overdracht.', ''));
  }

  activiteiten(): ExchangeActivities {
    return {
      requestDecision: async () => ({
        besluitId: '00000000-0000-4000-8000-0000000000aa',
        uitkomst: 'toegestaan',
        vrijgaven: [{ categorie: 'contact', velden: ['naam'] }],
        toestemmingen: [],
        ontbrekend: [],
      }),
      registerDependency: async () => ({ actief: true }),
      deliverDossier: async () => ({ categorieen: ['contact'] }),
      withdrawDossier: async () => undefined,
      recordStep: async (stap) => {
        if (!this.stappen.has(stap.sleutel)) this.stappen.set(stap.sleutel, stap);
      },
      reportLeadTransfer: async () => undefined,
    };
  }
}

/**
 * Stands in for exchange-service towards the placement: `requestReturn` registers the handover
 * once per `overdrachtId` (a retry answers with the first) and starts the real overdracht
 * workflow on the exchange task queue, as the traject workflow does for exchange-service;
 * `returnStatus` reads where it stands.
 */
export class FakeExchangeService {
  readonly aanvragen: TerugleidingAanvraag[] = [];
  /** Every call of `requestReturn`, retries included. */
  oproepen = 0;
  /** Set: exchange-service refuses the request with this code (as a 4xx problem: final). */
  weiger?: string;

  constructor(
    /** The Temporal side: start the overdracht workflow; its result once it has ended (undefined while it runs). */
    private readonly temporal: {
      start(workflowId: string, input: OverdrachtWorkflowInput): Promise<unknown>;
      afloop(workflowId: string): Promise<OverdrachtUitkomst | undefined>;
    },
    private readonly typen: Readonly<Record<string, OverdrachtWorkflowInput['ontvanger']['type']>>,
  ) {}

  activiteiten(): Pick<PlaatsingActivities, 'requestReturn' | 'returnStatus'> {
    return {
      requestReturn: async (a) => {
        this.oproepen += 1;
        if (this.weiger) throw ApplicationFailure.create({ type: this.weiger, message: 'refused', nonRetryable: true });
        if (this.aanvragen.some((x) => x.overdrachtId === a.overdrachtId)) return;
        this.aanvragen.push(a);
        const input: OverdrachtWorkflowInput = {
          overdrachtId: a.overdrachtId,
          deelnemerId: a.deelnemerId,
          trajectId: a.trajectId,
          zender: {
            organisatie: a.namens.organisatie,
            type: a.namens.type as OverdrachtWorkflowInput['zender']['type'],
            professional: a.namens.professional,
            rol: a.namens.rol,
          },
          ontvanger: { organisatie: a.naar, type: this.typen[a.naar] },
          regievoerder: a.regievoerder,
          reden: a.reden,
          overTeNemen: ['begeleiding'],
        };
        await this.temporal.start(overdrachtWorkflowId(a.overdrachtId), input);
      },
      returnStatus: async ({ overdrachtId }) => {
        const uitkomst = await this.temporal.afloop(overdrachtWorkflowId(overdrachtId));
        return uitkomst ? { status: uitkomst.status, beeindigd: true } : { status: 'lopend', beeindigd: false };
      },
    };
  }
}
