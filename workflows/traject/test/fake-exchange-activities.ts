import type { ExchangeActivities, StapRegistratie } from '@ketenregie/exchange-contracts';

/**
 * The exchange context's activities for a handover started by the traject: consent is permitted,
 * the dossier is delivered, steps are recorded (de-duplicated on their key like the outbox), and
 * `reportLeadTransfer` hands the lead transfer to `meldAanTraject` (the spec sends the traject
 * contract's `regiewissel` update, as the worker's adapter does).
 */
export class FakeExchangeActivities {
  readonly stappen: StapRegistratie[] = [];
  readonly regiewissels: Parameters<ExchangeActivities['reportLeadTransfer']>[0][] = [];

  constructor(private readonly meldAanTraject: (invoer: Parameters<ExchangeActivities['reportLeadTransfer']>[0]) => Promise<void>) {}

  /** The event types recorded, in order, without the `nl.ketenregie.overdracht.` prefix. */
  get gebeurtenissen(): string[] {
    return this.stappen.map((s) => s.gebeurtenis.replace('nl.ketenregie.overdracht.', ''));
  }

  alsActiviteiten(): ExchangeActivities {
    return {
      requestDecision: async () => ({
        besluitId: '00000000-0000-4000-8000-000000000001',
        uitkomst: 'toegestaan',
        vrijgaven: [{ categorie: 'contact', velden: ['naam'] }],
        toestemmingen: ['3f2b8c1e-0d4a-4e6b-9c7d-5a1f2e3b4c5d'],
        ontbrekend: [],
      }),
      registerDependency: async () => ({ actief: true }),
      deliverDossier: async () => ({ categorieen: ['contact'] }),
      withdrawDossier: async () => undefined,
      recordStep: async (stap) => {
        if (!this.stappen.some((s) => s.sleutel === stap.sleutel)) this.stappen.push(stap);
      },
      reportLeadTransfer: async (invoer) => {
        this.regiewissels.push(invoer);
        await this.meldAanTraject(invoer);
      },
    };
  }
}
