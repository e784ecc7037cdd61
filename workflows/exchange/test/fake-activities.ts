import { ApplicationFailure } from '@temporalio/common';
import { EXCHANGE_ACTIVITY_ALIASES } from '@ketenregie/exchange-contracts';
import type { BesluitUitkomst, ExchangeActivities, ExchangeActivityAliases, StapRegistratie } from '@ketenregie/exchange-contracts';

/** A recorded call, with the (skipped) server time at which it ran. */
export interface Geregistreerd<T> {
  readonly invoer: T;
  readonly op: number;
}

/**
 * Stand-in for the worker's adapters: decisions come from a script, everything else is recorded,
 * and `recordStep` is de-duplicated on its key like the real outbox.
 */
export class FakeExchangeActivities {
  readonly besluiten: Geregistreerd<unknown>[] = [];
  readonly afhankelijkheden: string[][] = [];
  readonly leveringen: Geregistreerd<{ besluitId: string }>[] = [];
  readonly intrekkingen: Geregistreerd<{ reden: string }>[] = [];
  readonly stappen: Geregistreerd<StapRegistratie>[] = [];
  readonly regiewissels: Geregistreerd<{ trajectId: string; regie: { regievoerderId: string; organisatieId: string } }>[] = [];
  /** True while a dossier is stored for the receiver. */
  dossierBeschikbaar = false;
  consentActief = true;
  /** The traject refuses the new lead (a permanent failure of `reportLeadTransfer`). */
  regiewisselGeweigerd = false;

  constructor(
    /** Each decision's outcome in turn; `niets-vrijgegeven` is a permitted decision that releases no field. */
    private readonly script: readonly (BesluitUitkomst['uitkomst'] | 'niets-vrijgegeven')[],
    private readonly klok: () => Promise<number>,
    private readonly toestemmingen: readonly string[] = ['3f2b8c1e-0d4a-4e6b-9c7d-5a1f2e3b4c5d'],
  ) {}

  /** The event types recorded, in order. */
  get gebeurtenissen(): string[] {
    return this.stappen.map((s) => s.invoer.gebeurtenis.replace('nl.ketenregie.overdracht.', ''));
  }

  /** Tasks recorded, as `voor:soort`. */
  get taken(): string[] {
    return this.stappen.flatMap((s) => (s.invoer.taak ? [`${s.invoer.taak.voor}:${s.invoer.taak.soort}`] : []));
  }

  stap(gebeurtenis: string): Geregistreerd<StapRegistratie> | undefined {
    return this.stappen.find((s) => s.invoer.gebeurtenis === `nl.ketenregie.overdracht.${gebeurtenis}`);
  }

  /** The activities under their English names, and under the pre-patch Dutch ones, as the worker registers them. */
  alsActiviteiten(): ExchangeActivities & ExchangeActivityAliases {
    const engels = this.engels();
    const nederlands = Object.fromEntries(
      Object.entries(EXCHANGE_ACTIVITY_ALIASES).map(([oud, nieuw]) => [oud, engels[nieuw]]),
    ) as unknown as ExchangeActivityAliases;
    return { ...engels, ...nederlands };
  }

  private engels(): ExchangeActivities {
    return {
      requestDecision: async (aanvraag) => {
        const n = this.besluiten.length;
        this.besluiten.push({ invoer: aanvraag, op: await this.klok() });
        const uitkomst = this.script[Math.min(n, this.script.length - 1)] ?? 'toegestaan';
        if (uitkomst === 'niets-vrijgegeven')
          return { besluitId: `00000000-0000-4000-8000-00000000000${n}`, uitkomst: 'toegestaan', vrijgaven: [], toestemmingen: [], ontbrekend: [] };
        return uitkomst === 'toegestaan'
          ? {
              besluitId: `00000000-0000-4000-8000-00000000000${n}`,
              uitkomst,
              vrijgaven: [{ categorie: 'contact', velden: ['naam'] }],
              toestemmingen: this.toestemmingen,
              ontbrekend: [],
            }
          : { besluitId: `00000000-0000-4000-8000-00000000000${n}`, uitkomst, vrijgaven: [], toestemmingen: [], ontbrekend: ['gezondheid'] };
      },
      registerDependency: async ({ toestemmingen }) => {
        this.afhankelijkheden.push([...toestemmingen]);
        return { actief: this.consentActief };
      },
      deliverDossier: async ({ besluitId }) => {
        this.leveringen.push({ invoer: { besluitId }, op: await this.klok() });
        this.dossierBeschikbaar = true;
        return { categorieen: ['contact'] };
      },
      withdrawDossier: async ({ reden }) => {
        this.intrekkingen.push({ invoer: { reden }, op: await this.klok() });
        this.dossierBeschikbaar = false;
      },
      recordStep: async (stap) => {
        if (this.stappen.some((s) => s.invoer.sleutel === stap.sleutel)) return;
        this.stappen.push({ invoer: stap, op: await this.klok() });
      },
      reportLeadTransfer: async (invoer) => {
        this.regiewissels.push({ invoer, op: await this.klok() });
        if (this.regiewisselGeweigerd) throw ApplicationFailure.create({ type: 'TRAJECT.VALIDATIE', message: 'refused', nonRetryable: true });
      },
    };
  }
}
