import type { ConsentActivities, ToestemmingBeeindigd } from '@ketenregie/consent-contracts';
import type { DataCategorie } from '@ketenregie/consent-domain';

/** Records activity calls; `recordExpiry` reports expiry unless an earlier end was set with {@link eerderEinde}. */
export class FakeConsentActivities {
  readonly herinneringen: { toestemmingId: string; coach: string; op: number }[] = [];
  readonly verlopen: { toestemmingId: string; op: number }[] = [];
  readonly reikwijdten: string[] = [];
  /** Every call of `endReceiverAccess`, with whether traject-service took it (false while it is down). */
  readonly ontvangersBeeindigen: { toestemmingId: string; op: number; gelukt: boolean }[] = [];
  private storingen = 0;
  private einde: Omit<ToestemmingBeeindigd, 'toestemmingId' | 'doel' | 'categorieen'> | undefined;

  constructor(
    private readonly geldigTot: string,
    private readonly klok: () => Promise<number>,
  ) {}

  /** The service already recorded this end (its signal was lost). */
  eerderEinde(einde: Omit<ToestemmingBeeindigd, 'toestemmingId' | 'doel' | 'categorieen'>): void {
    this.einde = einde;
  }

  /** traject-service is down for the next `pogingen` calls of `endReceiverAccess` (each throws, retryable). */
  trajectOnbereikbaar(pogingen: number): void {
    this.storingen = pogingen;
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
      endReceiverAccess: async ({ toestemmingId }) => {
        const gelukt = this.storingen === 0;
        this.ontvangersBeeindigen.push({ toestemmingId, op: await this.klok(), gelukt });
        if (!gelukt) {
          this.storingen -= 1;
          throw new Error('traject-service cannot be reached');
        }
        return { beeindigd: ['ggz-oost-brabant'] };
      },
    };
  }
}
