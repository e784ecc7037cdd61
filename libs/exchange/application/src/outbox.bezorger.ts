import { Inject, Injectable, Logger } from '@nestjs/common';
import { isEindstatus, type Aflevering } from '@ketenregie/exchange-domain';
import type { AbonnementRepository, OutboxRepository, OverdrachtRepository } from './exchange.ports';
import { RondeDienst, Toegang } from '@ketenregie/shared-platform';
import type { Identity } from '@ketenregie/shared-platform';
import { NotFoundError, ValidationError } from '@ketenregie/shared-kernel';
import { randomBytes, randomUUID } from 'node:crypto';
import { cloudEvent } from './exchange.gebeurtenissen';
import {
  BEZORG_INSTELLINGEN,
  BezorgInstellingen,
  ABONNEMENT_REPOSITORY,
  OUTBOX_REPOSITORY,
  OVERDRACHT_REPOSITORY,
  OVERDRACHT_WORKFLOWS,
  OverdrachtWorkflowPoort,
  WEBHOOK_DOEL_CONTROLE,
  WEBHOOK_VERZENDER,
  WebhookDoelControle,
  WebhookVerzender,
} from './exchange.ports';

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
export class OutboxBezorger extends RondeDienst {
  private readonly logger = new Logger(OutboxBezorger.name);

  constructor(
    @Inject(OUTBOX_REPOSITORY) private readonly outbox: OutboxRepository,
    @Inject(OVERDRACHT_REPOSITORY) private readonly overdrachten: OverdrachtRepository,
    @Inject(WEBHOOK_VERZENDER) private readonly verzend: WebhookVerzender,
    @Inject(BEZORG_INSTELLINGEN) protected readonly instellingen: BezorgInstellingen,
    @Inject(OVERDRACHT_WORKFLOWS) private readonly workflows: OverdrachtWorkflowPoort,
  ) {
    super();
  }

  protected rondeMislukt(error: unknown): void {
    this.logger.error({ err: error }, 'Outbox round failed');
  }

  /** One round: claims what is due and delivers it; returns the number delivered. */
  async ronde(max = 20): Promise<number> {
    const claims = await this.outbox.claimAfleveringen(max, this.instellingen.leaseMs);
    let afgeleverd = 0;
    for (const a of claims) {
      try {
        await this.verzend(a.url, cloudEvent(a), a.geheim);
        await this.outbox.markeerAfgeleverd(a.eventId, a.abonnementId);
        afgeleverd += 1;
      } catch (error) {
        const fout = error instanceof Error ? error.message : String(error);
        if (a.pogingen >= this.instellingen.maxPogingen && (await this.geefOp(a, fout))) continue;
        const wacht = Math.min(this.instellingen.maxMs, this.instellingen.basisMs * 2 ** Math.max(0, a.pogingen - 1));
        await this.outbox.markeerMislukt(a.eventId, a.abonnementId, fout, wacht);
        this.logger.warn(
          { eventId: a.eventId, abonnementId: a.abonnementId, poging: a.pogingen, volgendeOverMs: wacht },
          'Webhook delivery failed; retrying later',
        );
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
    const overdracht = overdrachtId ? await this.overdrachten.overdracht(overdrachtId) : undefined;
    if (overdracht && overdracht.ontvanger.organisatie === a.organisatie && !isEindstatus(overdracht.status)) {
      try {
        await this.workflows.meldOntvangerOnbereikbaar(overdracht.id, { organisatie: a.organisatie, eventId: a.eventId, pogingen: a.pogingen });
      } catch (error) {
        this.logger.warn({ err: error, eventId: a.eventId, overdrachtId: overdracht.id }, 'Could not tell the handover its receiver is unreachable; retrying');
        return false;
      }
    }
    if (await this.outbox.geefAfleveringOp(a.eventId, a.abonnementId, fout)) {
      this.logger.warn(
        { eventId: a.eventId, abonnementId: a.abonnementId, pogingen: a.pogingen, overdrachtId },
        'Webhook delivery given up: retries exhausted',
      );
    }
    return true;
  }
}

/** A subscription as its organisation sees it. */
export interface AbonnementWeergave {
  readonly id: string;
  readonly organisatie: string;
  readonly url: string;
  readonly types?: string[];
}

/**
 * Webhook subscriptions of an organisation, managed by its professionals: a target must be a
 * public address (checked when subscribing, and again by the sender at every delivery, so a name
 * that later resolves elsewhere is refused too); each subscription signs its deliveries with a
 * secret of its own, returned once; only the owning organisation lists or deletes it.
 */
@Injectable()
export class AbonnementService {
  constructor(
    @Inject(ABONNEMENT_REPOSITORY) private readonly abonnementen: AbonnementRepository,
    @Inject(WEBHOOK_DOEL_CONTROLE) private readonly controleer: WebhookDoelControle,
    private readonly toegang: Toegang,
  ) {}

  /** Stores the subscription (the same URL again replaces its types and secret) and returns it with its secret, the only time it is shown. */
  async abonneer(body: { url: string; types?: readonly string[] }, door: Identity): Promise<AbonnementWeergave & { geheim: string }> {
    await this.toegang.eis(door, 'abonnement.beheren');
    const bezwaar = await this.controleer(body.url);
    if (bezwaar) throw new ValidationError({ code: 'EXCHANGE.WEBHOOK_DOEL_NIET_TOEGESTAAN', detail: bezwaar, fields: { url: bezwaar } });
    const geheim = `whsec_${randomBytes(32).toString('base64')}`;
    const types = body.types ? [...body.types] : undefined;
    const id = await this.abonnementen.voegAbonnementToe({ id: randomUUID(), organisatie: door.organisatie, url: body.url, types, geheim });
    return { id, organisatie: door.organisatie, url: body.url, ...(types ? { types } : {}), geheim };
  }

  /** The caller's organisation's subscriptions, without their secrets. */
  async lijst(door: Identity): Promise<AbonnementWeergave[]> {
    await this.toegang.eis(door, 'abonnement.beheren');
    return (await this.abonnementen.abonnementenVan(door.organisatie)).map((a) => ({
      id: a.id,
      organisatie: a.organisatie,
      url: a.url,
      ...(a.types ? { types: [...a.types] } : {}),
    }));
  }

  /** Deletes a subscription of the caller's organisation; another organisation's is answered as not found. */
  async verwijder(id: string, door: Identity): Promise<void> {
    await this.toegang.eis(door, 'abonnement.beheren');
    if (!(await this.abonnementen.verwijderAbonnement(id, door.organisatie))) {
      throw new NotFoundError({ code: 'EXCHANGE.ABONNEMENT_NIET_GEVONDEN', detail: 'No such subscription.' });
    }
  }
}
