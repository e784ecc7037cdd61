import type { ConsentActivities, ToestemmingBeeindigd } from '@ketenregie/consent-contracts';
import type { DataCategorie } from '@ketenregie/consent-domain';

/** Records activity calls; `recordExpiry` reports expiry unless an earlier end was set with {@link eerderEinde}. */
export class FakeConsentActivities {
  readonly herinneringen: { toestemmingId: string; coach: string; op: number }[] = [];
  readonly verlopen: { toestemmingId: string; op: number }[] = [];
  readonly reikwijdten: string[] = [];
  private einde: Omit<ToestemmingBeeindigd, 'toestemmingId' | 'doel' | 'categorieen'> | undefined;

  constructor(
    private readonly geldigTot: string,
    private readonly klok: () => Promise<number>,
  ) {}

  /** The service already recorded this end (its signal was lost). */
  eerderEinde(einde: Omit<ToestemmingBeeindigd, 'toestemmingId' | 'doel' | 'categorieen'>): void {
    this.einde = einde;
  }

  alsActiviteiten(): ConsentActivities {
    const reikwijdte = { doel: 'verwijzing-ggz', categorieen: ['gezondheid'] as DataCategorie[] };
    return {
      recordExpiry: async ({ toestemmingId }) => {
        this.verlopen.push({ toestemmingId, op: await this.klok() });
        return { toestemmingId, ...reikwijdte, ...(this.einde ?? { reden: 'verlopen', op: this.geldigTot }) };
      },
      remindCoach: async ({ toestemmingId, coach }) => {
        this.herinneringen.push({ toestemmingId, coach, op: await this.klok() });
      },
      readScope: async ({ toestemmingId }) => {
        this.reikwijdten.push(toestemmingId);
        return reikwijdte;
      },
    };
  }
}
