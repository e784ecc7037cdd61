import { Inject, Injectable, Logger } from '@nestjs/common';
import { BESLUITEN_PATH, BesluitDto, dataCategorieSchema, registreerAfhankelijkheidUpdate, toestemmingWorkflowId } from '@ketenregie/consent-contracts';
import { type Aanroep, OverdrachtActiviteitenService } from '@ketenregie/exchange-application';
import type { BesluitAanvraag, BesluitUitkomst, ExchangeActivities, ExchangeActivityAliases, Namens, StapRegistratie } from '@ketenregie/exchange-contracts';
import { opdrachtUpdate, trajectWorkflowId } from '@ketenregie/traject-contracts';
import type { IsoDate, Rol } from '@ketenregie/shared-kernel';
import { ApplicationFailure } from '@temporalio/activity';
import { Client, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import type { Identity, ServiceIdentity } from '@ketenregie/shared-platform';
import { activeTraceId, callService, newTraceId, readServiceAnswer, runActivity, unavailable } from '@ketenregie/shared-platform';
import type { ExchangeWorkerConfig } from './exchange-worker.config';
import { WORKER_SERVICE_IDENTITY } from '../app/worker-service-identity';

export const EXCHANGE_WORKER_CONFIG = Symbol('EXCHANGE_WORKER_CONFIG');

/** The professional an activity acts for, as the platform's identity. */
export function identiteitVan(namens: Namens): Identity {
  return { sub: namens.professional, organisatie: namens.organisatie, organisatieType: namens.type, rol: namens.rol as Rol };
}

/**
 * The exchange activities (see `ExchangeActivities` in the exchange contracts), thin adapters:
 * the handover's own steps (dossier, withdrawal, step records, what a consent decision means for
 * the handover) call the exchange application service in-process; the consent decision goes to consent-service over HTTP as the worker's
 * service identity acting for the sending professional (see `ServiceIdentity`: the token names
 * both); the consent and traject workflows are reached through their contracts. A permanent
 * failure (a domain error, a 4xx answer) is non-retryable and typed with its code; network
 * errors, 5xx and database errors are thrown plainly so Temporal retries them.
 *
 * The Dutch methods at the end are the activity type names of handovers started before the
 * English names (see `EXCHANGE_ACTIVITY_ALIASES`); they only delegate.
 */
@Injectable()
export class ExchangeActivitiesAdapter implements ExchangeActivities, ExchangeActivityAliases {
  private readonly logger = new Logger(ExchangeActivitiesAdapter.name);

  constructor(
    @Inject(EXCHANGE_WORKER_CONFIG) private readonly config: ExchangeWorkerConfig,
    @Inject(WORKER_SERVICE_IDENTITY) private readonly identiteit: ServiceIdentity,
    private readonly stappen: OverdrachtActiviteitenService,
    /** The worker's Temporal client, for the other contexts' workflows (consent's lifecycle, the traject). */
    @Inject(Client) private readonly temporal: Client,
  ) {}

  requestDecision(a: BesluitAanvraag): Promise<BesluitUitkomst> {
    return runActivity(async () => {
      const categorieen = a.categorieen.filter((c) => dataCategorieSchema.safeParse(c).success);
      const besluit = await this.post<BesluitDto>(this.config.CONSENT_SERVICE_URL, BESLUITEN_PATH, this.namensZender(a.zender), {
        deelnemerId: a.deelnemerId,
        ontvanger: a.ontvanger,
        doel: 'warme-overdracht',
        categorieen,
      });
      return this.stappen.decisionOutcome(besluit);
    });
  }

  registerDependency(input: { readonly toestemmingen: readonly string[]; readonly workflowId: string }): Promise<{ readonly actief: boolean }> {
    return runActivity(async () => {
      let actief = true;
      for (const id of input.toestemmingen) {
        const handle = this.temporal.workflow.getHandle(toestemmingWorkflowId(id));
        const antwoord = await handle.executeUpdate(registreerAfhankelijkheidUpdate, { args: [{ workflowId: input.workflowId, context: 'exchange' }] });
        actief &&= antwoord.actief;
      }
      return { actief };
    });
  }

  deliverDossier(input: Parameters<ExchangeActivities['deliverDossier']>[0]): Promise<{ readonly categorieen: readonly string[] }> {
    return runActivity(() => this.stappen.deliverDossier(input, this.aanroep(input.namens)));
  }

  withdrawDossier(input: Parameters<ExchangeActivities['withdrawDossier']>[0]): Promise<void> {
    return runActivity(() => this.stappen.withdrawDossier(input));
  }

  recordStep(stap: StapRegistratie): Promise<void> {
    return runActivity(() => this.stappen.recordStep(stap));
  }

  reportLeadTransfer(input: {
    readonly sleutel: string;
    readonly trajectId: string;
    readonly datum: IsoDate;
    readonly regie: { readonly regievoerderId: string; readonly organisatieId: string };
  }): Promise<void> {
    return runActivity(async () => {
      try {
        await this.temporal.workflow
          .getHandle(trajectWorkflowId(input.trajectId))
          .executeUpdate(opdrachtUpdate, { args: [{ soort: 'regiewissel', datum: input.datum, regie: input.regie }] });
      } catch (error) {
        if (error instanceof WorkflowNotFoundError) {
          this.logger.warn({ trajectId: input.trajectId }, 'No running traject workflow to tell about the lead transfer');
          return;
        }
        if (error instanceof WorkflowUpdateFailedError) {
          const type = error.cause instanceof ApplicationFailure && error.cause.type ? error.cause.type : 'EXCHANGE.REGIEWISSEL_GEWEIGERD';
          throw ApplicationFailure.create({ type, message: 'The traject refused the lead transfer', nonRetryable: true });
        }
        throw error;
      }
    });
  }

  // Pre-patch activity type names (EXCHANGE_ACTIVITY_ALIASES): handovers started before the English names still schedule these.
  vraagBesluit(a: BesluitAanvraag): Promise<BesluitUitkomst> {
    return this.requestDecision(a);
  }
  registreerAfhankelijkheid(input: Parameters<ExchangeActivities['registerDependency']>[0]): Promise<{ readonly actief: boolean }> {
    return this.registerDependency(input);
  }
  leverDossier(input: Parameters<ExchangeActivities['deliverDossier']>[0]): Promise<{ readonly categorieen: readonly string[] }> {
    return this.deliverDossier(input);
  }
  trekDossierIn(input: Parameters<ExchangeActivities['withdrawDossier']>[0]): Promise<void> {
    return this.withdrawDossier(input);
  }
  registreerStap(stap: StapRegistratie): Promise<void> {
    return this.recordStep(stap);
  }
  meldRegiewissel(input: Parameters<ExchangeActivities['reportLeadTransfer']>[0]): Promise<void> {
    return this.reportLeadTransfer(input);
  }

  /** The caller the processing log names: the worker (its client id as `actor`) acting for the sender, on the activity's trace. */
  private aanroep(namens: Namens): Aanroep {
    return { traceId: activeTraceId() ?? newTraceId(), namens: { ...identiteitVan(namens), actor: this.config.WORKER_CLIENT_ID } };
  }

  private namensZender(zender: BesluitAanvraag['zender']): Namens {
    return { professional: zender.professional, organisatie: zender.organisatie, type: zender.type, rol: zender.rol ?? 'klantmanager' };
  }

  /** A 4xx answer is final (non-retryable, typed with the problem's code); unreachable, 5xx, 408, 429 and transient auth failures are retried (`readServiceAnswer`). */
  private async post<T>(basis: string, pad: string, namens: Namens, body: unknown): Promise<T> {
    const res = await callService(`${basis}${pad}`, {
      bearer: await this.identiteit.token(identiteitVan(namens)),
      json: body,
      timeoutMs: 20_000,
      unreachable: unavailable('EXCHANGE.CONSENT_ONBEREIKBAAR', `${pad} did not answer`),
    });
    return readServiceAnswer<T>(res, pad, 'EXCHANGE.HTTP');
  }
}
