import { Inject, Injectable, Logger, OnModuleDestroy, Optional } from '@nestjs/common';
import { BESLUITEN_PATH, BesluitDto, dataCategorieSchema, registreerAfhankelijkheidUpdate, toestemmingWorkflowId } from '@ketenregie/consent-contracts';
import type { BesluitAanvraag, BesluitUitkomst, ExchangeActivities, Namens, StapRegistratie } from '@ketenregie/exchange-contracts';
import { OVERDRACHTEN_PATH } from '@ketenregie/exchange-contracts';
import { opdrachtUpdate, trajectWorkflowId } from '@ketenregie/traject-contracts';
import type { IsoDate, Rol } from '@ketenregie/shared-kernel';
import { ApplicationFailure } from '@temporalio/activity';
import { Client, Connection, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import type { DataConverter } from '@temporalio/common';
import { WORKER_DATA_CONVERTER } from '../app/worker-kluis';
import { serviceIdentity } from '@ketenregie/shared-platform';
import type { ServiceIdentity } from '@ketenregie/shared-platform';
import { besluitUitkomst } from './besluit.mapping';
import type { ExchangeWorkerConfig } from './exchange-worker.config';

export const EXCHANGE_WORKER_CONFIG = Symbol('EXCHANGE_WORKER_CONFIG');

/**
 * The exchange activities (see `ExchangeActivities` in the exchange contracts): thin adapters
 * over the exchange and consent services' HTTP APIs and the consent and traject workflow
 * contracts. They call as the worker's service identity acting for the sending professional
 * (see `ServiceIdentity`: the token names both). A 4xx answer is a
 * permanent failure (non-retryable, typed with the problem's code); network errors and 5xx are
 * thrown plainly so Temporal retries them.
 */
@Injectable()
export class ExchangeActivitiesAdapter implements ExchangeActivities, OnModuleDestroy {
  private readonly logger = new Logger(ExchangeActivitiesAdapter.name);
  private readonly identiteit: ServiceIdentity;
  private verbinding?: Connection;
  private client?: Client;

  constructor(
    @Inject(EXCHANGE_WORKER_CONFIG) private readonly config: ExchangeWorkerConfig,
    @Optional() @Inject(WORKER_DATA_CONVERTER) private readonly dataConverter?: DataConverter,
  ) {
    this.identiteit = serviceIdentity({ ...config, clientId: config.WORKER_CLIENT_ID, clientSecret: config.WORKER_CLIENT_SECRET });
  }

  async onModuleDestroy(): Promise<void> {
    await this.verbinding?.close();
  }

  async vraagBesluit(a: BesluitAanvraag): Promise<BesluitUitkomst> {
    const categorieen = a.categorieen.filter((c) => dataCategorieSchema.safeParse(c).success);
    const besluit = await this.post<BesluitDto>(this.config.CONSENT_SERVICE_URL, BESLUITEN_PATH, this.namensZender(a.zender), {
      deelnemerId: a.deelnemerId,
      ontvanger: a.ontvanger,
      doel: 'warme-overdracht',
      categorieen,
    });
    return besluitUitkomst(besluit);
  }

  async registreerAfhankelijkheid(input: { readonly toestemmingen: readonly string[]; readonly workflowId: string }): Promise<{ readonly actief: boolean }> {
    let actief = true;
    for (const id of input.toestemmingen) {
      const handle = this.temporal().workflow.getHandle(toestemmingWorkflowId(id));
      const antwoord = await handle.executeUpdate(registreerAfhankelijkheidUpdate, { args: [{ workflowId: input.workflowId, context: 'exchange' }] });
      actief &&= antwoord.actief;
    }
    return { actief };
  }

  async leverDossier(input: Parameters<ExchangeActivities['leverDossier']>[0]): Promise<{ readonly categorieen: readonly string[] }> {
    return this.post(this.config.EXCHANGE_SERVICE_URL, `${OVERDRACHTEN_PATH}/${input.overdrachtId}/levering`, input.namens, {
      sleutel: input.sleutel,
      besluitId: input.besluitId,
      vrijgaven: input.vrijgaven,
    });
  }

  async trekDossierIn(input: Parameters<ExchangeActivities['trekDossierIn']>[0]): Promise<void> {
    await this.post(this.config.EXCHANGE_SERVICE_URL, `${OVERDRACHTEN_PATH}/${input.overdrachtId}/intrekking`, input.namens, { reden: input.reden });
  }

  async registreerStap(stap: StapRegistratie): Promise<void> {
    const { namens, overdrachtId, termijn, ...body } = stap;
    // The step's contract takes a deadline's kind and date; the workflow's reminder and escalation dates stay in the workflow.
    await this.post(this.config.EXCHANGE_SERVICE_URL, `${OVERDRACHTEN_PATH}/${overdrachtId}/stappen`, namens, {
      ...body,
      ...(termijn ? { termijn: { soort: termijn.soort, uiterlijk: termijn.uiterlijk } } : {}),
    });
  }

  async meldRegiewissel(input: {
    readonly sleutel: string;
    readonly trajectId: string;
    readonly datum: IsoDate;
    readonly regie: { readonly regievoerderId: string; readonly organisatieId: string };
  }): Promise<void> {
    try {
      await this.temporal()
        .workflow.getHandle(trajectWorkflowId(input.trajectId))
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
  }

  private namensZender(zender: BesluitAanvraag['zender']): Namens {
    return { professional: zender.professional, organisatie: zender.organisatie, type: zender.type, rol: zender.rol ?? 'klantmanager' };
  }

  private temporal(): Client {
    if (!this.client) {
      this.verbinding = Connection.lazy({ address: this.config.TEMPORAL_ADDRESS });
      this.client = new Client({
        connection: this.verbinding,
        namespace: this.config.TEMPORAL_NAMESPACE,
        ...(this.dataConverter ? { dataConverter: this.dataConverter } : {}),
      });
    }
    return this.client;
  }

  private async post<T>(basis: string, pad: string, namens: Namens, body: unknown): Promise<T> {
    const res = await fetch(`${basis}${pad}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${await this.identiteit.token({ sub: namens.professional, organisatie: namens.organisatie, organisatieType: namens.type, rol: namens.rol as Rol })}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(20_000),
    });
    const tekst = await res.text();
    if (res.ok) return (tekst ? JSON.parse(tekst) : undefined) as T;
    if (res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429) {
      let code = `EXCHANGE.HTTP_${res.status}`;
      try {
        const probleem = JSON.parse(tekst) as { code?: unknown };
        if (typeof probleem.code === 'string') code = probleem.code;
      } catch {
        // not problem+json: keep the status-derived code
      }
      throw ApplicationFailure.create({ type: code, message: `${pad} answered HTTP ${res.status}`, nonRetryable: true });
    }
    throw new Error(`${pad} answered HTTP ${res.status}`);
  }
}
