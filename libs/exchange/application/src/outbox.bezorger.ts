import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { isEindstatus, type Aflevering, type ExchangeOpslag } from '@ketenregie/exchange-domain';
import type { Identity } from '@ketenregie/shared-platform';
import { ForbiddenError } from '@ketenregie/shared-kernel';
import { randomUUID } from 'node:crypto';
import { cloudEvent } from './exchange.gebeurtenissen';
import { BEZORG_INSTELLINGEN, BezorgInstellingen, EXCHANGE_OPSLAG, OVERDRACHT_WORKFLOWS, OverdrachtWorkflowPoort, WEBHOOK_VERZENDER, WebhookVerzender } from './exchange.ports';

/**
 * Delivers the outbox at least once to every subscribed webhook. A delivery is claimed with a
 * lease before it is sent and marked afterwards, so a crash or restart in between only means the
 * event is sent again after the lease (consumers de-duplicate on the CloudEvents `id`); nothing
 * is lost, because the claim lives in the database, not in memory. Failed attempts back off
 * exponentially; after `maxPogingen` failures the delivery is given up. When it was one of a
 * handover's notifications to the receiver's webhook, the handover workflow is told
 * (`ontvangerOnbereikbaarSignal`): a receiver that cannot be reached ends a handover that awaits
 * its answer as `ontvanger-onbereikbaar`.
 */
@Injectable()
export class OutboxBezorger implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxBezorger.name);
  private lus?: Promise<void>;
  private stoppen = false;
  private wekker?: () => void;

  constructor(
    @Inject(EXCHANGE_OPSLAG) private readonly opslag: ExchangeOpslag,
    @Inject(WEBHOOK_VERZENDER) private readonly verzend: WebhookVerzender,
    @Inject(BEZORG_INSTELLINGEN) private readonly instellingen: BezorgInstellingen,
    @Inject(OVERDRACHT_WORKFLOWS) private readonly workflows: OverdrachtWorkflowPoort,
  ) {}

  onApplicationBootstrap(): void {
    if (this.instellingen.actief) this.lus = this.draai();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stoppen = true;
    this.wekker?.();
    await this.lus;
  }

  /** One round: claims what is due and delivers it; returns the number delivered. */
  async ronde(max = 20): Promise<number> {
    const claims = await this.opslag.claimAfleveringen(max, this.instellingen.leaseMs);
    let afgeleverd = 0;
    for (const a of claims) {
      try {
        await this.verzend(a.url, cloudEvent(a));
        await this.opslag.markeerAfgeleverd(a.eventId, a.abonnementId);
        afgeleverd += 1;
      } catch (error) {
        const fout = error instanceof Error ? error.message : String(error);
        if (a.pogingen >= this.instellingen.maxPogingen && (await this.geefOp(a, fout))) continue;
        const wacht = Math.min(this.instellingen.maxMs, this.instellingen.basisMs * 2 ** Math.max(0, a.pogingen - 1));
        await this.opslag.markeerMislukt(a.eventId, a.abonnementId, fout, wacht);
        this.logger.warn({ eventId: a.eventId, abonnementId: a.abonnementId, poging: a.pogingen, volgendeOverMs: wacht }, 'Webhook delivery failed; retrying later');
      }
    }
    return afgeleverd;
  }

  /**
   * Retries exhausted: tells the handover first when the subscription is its receiver's, then
   * gives the delivery up. False when the handover could not be told (retried next round).
   */
  private async geefOp(a: Aflevering, fout: string): Promise<boolean> {
    const overdrachtId = /^overdracht\/([0-9a-f-]{36})$/.exec(a.subject)?.[1];
    const overdracht = overdrachtId ? await this.opslag.overdracht(overdrachtId) : undefined;
    if (overdracht && overdracht.ontvanger.organisatie === a.organisatie && !isEindstatus(overdracht.status)) {
      try {
        await this.workflows.meldOntvangerOnbereikbaar(overdracht.id, { organisatie: a.organisatie, eventId: a.eventId, pogingen: a.pogingen });
      } catch (error) {
        this.logger.warn({ err: error, eventId: a.eventId, overdrachtId: overdracht.id }, 'Could not tell the handover its receiver is unreachable; retrying');
        return false;
      }
    }
    if (await this.opslag.geefAfleveringOp(a.eventId, a.abonnementId, fout)) {
      this.logger.warn({ eventId: a.eventId, abonnementId: a.abonnementId, pogingen: a.pogingen, overdrachtId }, 'Webhook delivery given up: retries exhausted');
    }
    return true;
  }

  private async draai(): Promise<void> {
    while (!this.stoppen) {
      let bezorgd = 0;
      try {
        bezorgd = await this.ronde();
      } catch (error) {
        this.logger.error({ err: error }, 'Outbox round failed');
      }
      if (bezorgd === 0 && !this.stoppen) {
        await new Promise<void>((resolve) => {
          const t = setTimeout(resolve, this.instellingen.intervalMs);
          this.wekker = () => {
            clearTimeout(t);
            resolve();
          };
        });
      }
    }
  }
}

/** Webhook subscriptions of an organisation. */
@Injectable()
export class AbonnementService {
  constructor(@Inject(EXCHANGE_OPSLAG) private readonly opslag: ExchangeOpslag) {}

  async abonneer(body: { url: string; types?: readonly string[] }, door: Identity): Promise<{ id: string; organisatie: string; url: string; types?: string[] }> {
    if (!['klantmanager', 'coach', 'behandelaar', 'jobcoach', 'fg'].includes(door.rol)) {
      throw new ForbiddenError({ code: 'EXCHANGE.ROL_NIET_TOEGESTAAN', detail: 'Subscriptions are managed by professionals.' });
    }
    const abonnement = { id: randomUUID(), organisatie: door.organisatie, url: body.url, ...(body.types ? { types: [...body.types] } : {}) };
    await this.opslag.voegAbonnementToe(abonnement);
    return abonnement;
  }
}
