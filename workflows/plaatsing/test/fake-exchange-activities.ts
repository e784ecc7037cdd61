import type { ExchangeActivities, StapRegistratie } from '@ketenregie/exchange-contracts';

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
