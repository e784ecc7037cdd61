import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import type { ToestemmingBeeindigd } from '@ketenregie/consent-contracts';
import {
  DataCategorie,
  geefToestemming,
  Herinnering,
  huidigeStatus,
  markeerVerlopen,
  NieuweToestemming,
  Pseudonimiseer,
  Toestemming,
  ToestemmingFeit,
  ToestemmingGebeurtenis,
  trekIn,
  vervang,
  Verwerkingsregel,
} from '@ketenregie/consent-domain';
import { amsterdamDate, NotFoundError, ValidationError } from '@ketenregie/shared-kernel';
import { deelnemerIdentiteit, newSpanId, ONTVANGER_POORT } from '@ketenregie/shared-platform';
import type { Identity, OntvangerPoort } from '@ketenregie/shared-platform';
import { randomUUID } from 'node:crypto';
import type { Aanroep, ConsentTransactie, ConsentTransacties, LevenscyclusOutboxRepository, ToestemmingLevenscyclusPoort } from './consent.ports';
import { CONSENT_TRANSACTIES, LEVENSCYCLUS_OUTBOX_REPOSITORY, LEVENSCYCLUS_POORT, PSEUDONIMISEERDER } from './consent.tokens';
import { RegisterService } from './register.service';

/** What a professional records when a deelnemer (or their representative) consents; `vervangt` names the consent it supersedes. */
export type ToestemmingAanvraag = Omit<NieuweToestemming, 'id' | 'vastgelegdDoor'> & { readonly vervangt?: string };

/** A new span id for a log line of this service. */
export const nieuweSpanId: () => string = newSpanId;

/** The trace fields of a log line written for `aanroep`: its trace, a new span of this service, and the caller's span as parent. */
export function spoorVan(aanroep: Aanroep): { traceId: string; spanId: string; parentSpanId?: string } {
  return { traceId: aanroep.traceId, spanId: nieuweSpanId(), ...(aanroep.parentSpanId ? { parentSpanId: aanroep.parentSpanId } : {}) };
}

const FOUT_NIET_GEVONDEN = (id: string) => new NotFoundError({ code: 'CONSENT.NOT_FOUND', detail: `No consent with id ${id}.` });

/** How long a claimed lifecycle outbox entry is left to its claimer before another delivery may claim it. */
export const LEVENSCYCLUS_LEASE_MS = 30_000;

/** How long a withdrawal's answer waits for its delivery to the lifecycle workflow before the outbox takes over. */
export const LEVENSCYCLUS_WACHT_MS = 2_000;

/** The published fact of a consent given or withdrawn (the outbox row, once per consent and kind). */
const feit = (soort: 'gegeven' | 'ingetrokken', t: Toestemming, op: Date, door: Identity): ToestemmingFeit => ({
  sleutel: `${t.id}:${soort}`,
  soort,
  toestemmingId: t.id,
  datum: amsterdamDate(op.getTime()),
  organisatie: door.organisatie,
  doel: t.doel,
});

/**
 * Use cases of consent records: give (or supersede), list, withdraw, expire. Every change is a
 * status event and a line in the processing log, written in the same transaction.
 */
@Injectable()
export class ToestemmingService {
  private readonly logger = new Logger(ToestemmingService.name);

  constructor(
    @Inject(CONSENT_TRANSACTIES) private readonly transacties: ConsentTransacties,
    @Inject(LEVENSCYCLUS_OUTBOX_REPOSITORY) private readonly levenscyclusOutbox: LevenscyclusOutboxRepository,
    @Inject(PSEUDONIMISEERDER) private readonly pseudoniem: Pseudonimiseer,
    @Inject(LEVENSCYCLUS_POORT) private readonly levenscyclus: ToestemmingLevenscyclusPoort,
    private readonly register: RegisterService,
    /** The traject context's receivers: a withdrawal ends them at once (consent-service), the lifecycle workflow's activity after a withdrawal or at expiry (the worker). */
    @Optional() @Inject(ONTVANGER_POORT) private readonly ontvangers?: OntvangerPoort,
  ) {}

  /**
   * Records a consent given now (service clock). With `vervangt`, the earlier consent of the same
   * deelnemer and purpose ends at the same instant, under a row lock.
   * @throws ValidationError `CONSENT.PURPOSE_UNKNOWN` for a purpose the register does not hold at this instant.
   */
  async geef(aanvraag: ToestemmingAanvraag, door: Identity, aanroep: Aanroep): Promise<Toestemming> {
    await this.register.huidig();
    const { nieuw, vervangen } = await this.transacties.transactie(async (tx) => {
      const oud = aanvraag.vervangt ? await tx.toestemming(aanvraag.vervangt, 'exclusief') : undefined;
      if (aanvraag.vervangt && !oud) throw FOUT_NIET_GEVONDEN(aanvraag.vervangt);
      const op = await tx.nu();
      const activiteit = await this.register.activiteitOp(aanvraag.doel, op);
      if (!activiteit) {
        throw new ValidationError({
          code: 'CONSENT.PURPOSE_UNKNOWN',
          detail: `The processing register holds no activity for purpose ${aanvraag.doel}.`,
        });
      }
      const invoer = { ...aanvraag, id: randomUUID(), vastgelegdDoor: door.sub };
      if (oud) {
        const resultaat = vervang(oud, invoer, op);
        await tx.bewaarGebeurtenis(resultaat.oud, laatste(resultaat.oud));
        await tx.meldLevenscyclus({ toestemmingId: resultaat.oud.id, op: laatste(resultaat.oud).op.toISOString(), reden: 'vervangen' });
        await tx.bewaarNieuweToestemming(resultaat.nieuw);
        await tx.publiceer?.(feit('gegeven', resultaat.nieuw, op, door));
        await this.log(tx, resultaat.oud, 'toestemming-vervangen', op, door, aanroep);
        await this.log(tx, resultaat.nieuw, 'toestemming-gegeven', op, door, aanroep);
        return { nieuw: resultaat.nieuw, vervangen: resultaat.oud };
      }
      const toestemming = geefToestemming(invoer, op);
      await tx.bewaarNieuweToestemming(toestemming);
      await tx.publiceer?.(feit('gegeven', toestemming, op, door));
      await this.log(tx, toestemming, 'toestemming-gegeven', op, door, aanroep);
      return { nieuw: toestemming, vervangen: undefined };
    });
    if (vervangen) await this.bezorgNaCommit();
    await this.meld(() => this.levenscyclus.gestart(nieuw), nieuw.id);
    return nieuw;
  }

  /**
   * A deelnemer's consents with their full history. The read is itself a processing of the
   * deelnemer's data: it is written to the processing log (handeling `raadpleging`) in the same
   * transaction, so there is no read without a log line.
   */
  async lijst(deelnemerId: string, door: Identity, aanroep: Aanroep): Promise<readonly Toestemming[]> {
    await this.register.huidig();
    return this.transacties.transactie(async (tx) => {
      const toestemmingen = await tx.toestemmingenVan(deelnemerId, 'geen');
      await tx.logVerwerking({
        ...spoorVan(aanroep),
        handeling: 'raadpleging',
        status: 'ok',
        tijdstip: await tx.nu(),
        betrokkene: this.pseudoniem(deelnemerId),
        organisatie: door.organisatie,
        categorieen: [],
        grondslagen: ['toestemmingenregister'],
        toestemmingen: toestemmingen.map((t) => t.id),
      });
      return toestemmingen;
    });
  }

  /**
   * Withdraws a consent now.
   *
   * Race rule (with {@link BesluitService.besluit}): the consent row is locked FOR UPDATE
   * *before* the clock is read, and decisions lock the deelnemer's consent rows FOR UPDATE before
   * they read the clock. Whichever commits first, the other then reads a later clock value: a
   * decision that waited for this withdrawal sees it and is timestamped after it (and denies); a
   * decision this withdrawal waited for is timestamped before it. So no decision timestamped at
   * or after the withdrawal ever permits on this consent, and the withdrawal waits at most for
   * the decisions queued before it (no starvation; see the race test in consent-service).
   *
   * The organisations this consent carried access for (recipients of the permitting decisions
   * that rested on it, e.g. a referral's receiver) lose their `ontvanger` involvement with the
   * deelnemer in the traject context, now, before the answer: a receiver cannot read the
   * deelnemer on the strength of a withdrawn consent. If the traject context cannot be told, the
   * withdrawal stands (it is the deelnemer's right): the lifecycle workflow, which the outbox
   * tells of the withdrawal, ends the involvement through {@link beeindigOntvangers} with retries
   * until traject-service takes it.
   * @throws NotFoundError `CONSENT.NOT_FOUND`; PreconditionError `CONSENT.NOT_ACTIVE` when it already ended.
   */
  async trekIn(toestemmingId: string, door: Identity, reden: string | undefined, aanroep: Aanroep): Promise<Toestemming> {
    await this.register.huidig();
    const { ingetrokken, ontvangers } = await this.transacties.transactie(async (tx) => {
      const t = await tx.toestemming(toestemmingId, 'exclusief');
      if (!t) throw FOUT_NIET_GEVONDEN(toestemmingId);
      const op = await tx.nu();
      const na = trekIn(t, op, door.sub, reden);
      await tx.bewaarGebeurtenis(na, laatste(na));
      await tx.meldLevenscyclus({ toestemmingId, op: laatste(na).op.toISOString(), reden: 'ingetrokken' });
      await tx.publiceer?.(feit('ingetrokken', na, op, door));
      await this.log(tx, na, 'toestemming-ingetrokken', op, door, aanroep);
      return { ingetrokken: na, ontvangers: this.ontvangers ? await tx.ontvangersOpToestemming(na.deelnemerId, toestemmingId) : [] };
    });
    try {
      await this.eindigOntvangers(ingetrokken.deelnemerId, ontvangers, door);
    } catch (error) {
      this.logger.warn(
        { toestemmingId, err: error },
        'The traject context could not end the receivers of a withdrawn consent now; the lifecycle workflow retries',
      );
    }
    // Delivered at once when Temporal is up; otherwise the outbox retries (see bezorgLevenscyclus).
    await this.bezorgNaCommit();
    return ingetrokken;
  }

  /**
   * Records expiry of a consent whose period has ended (called by the lifecycle workflow's
   * timer) and reports how the consent ended. Idempotent: when it had already ended (withdrawn,
   * superseded, expired) nothing changes and that end is reported.
   * @throws NotFoundError `CONSENT.NOT_FOUND`; a plain Error (retry) while the database clock is before `geldigTot`.
   */
  async markeerVerlopen(toestemmingId: string, aanroep: Aanroep): Promise<ToestemmingBeeindigd> {
    await this.register.huidig();
    return this.transacties.transactie(async (tx) => {
      const t = await tx.toestemming(toestemmingId, 'exclusief');
      if (!t) throw FOUT_NIET_GEVONDEN(toestemmingId);
      const reikwijdte = { toestemmingId, doel: t.doel, categorieen: t.categorieen };
      const einde = laatste(t);
      if (einde.status !== 'gegeven') return { ...reikwijdte, reden: einde.status, op: einde.op.toISOString() };
      const op = await tx.nu();
      // The workflow timer and the database clock may differ slightly: a timer that fires a
      // moment early is a transient condition, so this is a plain (retryable) error.
      if (op < t.geldigTot) throw new Error('Consent period has not ended yet by the database clock; retry');
      const na = markeerVerlopen(t, op);
      await tx.bewaarGebeurtenis(na, laatste(na));
      await this.logRegel(tx, na, 'toestemming-verlopen', op, 'consent-service', aanroep);
      return { ...reikwijdte, reden: 'verlopen', op: t.geldigTot.toISOString() };
    });
  }

  /**
   * Ends the `ontvanger` involvement of every organisation this consent carried access for (the
   * recipients of the deelnemer's permitting decisions that rested on it) once it was withdrawn
   * or expired, and answers which. Nothing for a consent still in force or superseded (the
   * consent that replaced it decides from then on). Called by the lifecycle workflow (its
   * `endReceiverAccess` activity) at expiry and after a withdrawal; the service token acts for
   * the deelnemer, whose consent ended. Idempotent: ending what already ended changes nothing.
   * @throws NotFoundError `CONSENT.NOT_FOUND`; DomainError `TOEGANG.BETROKKENHEID_ONBEREIKBAAR`
   * (503, retried by the workflow) while traject-service cannot take it.
   */
  async beeindigOntvangers(toestemmingId: string): Promise<readonly string[]> {
    if (!this.ontvangers) throw new Error('No traject context is configured to end the receivers of a consent');
    const { t, ontvangers } = await this.transacties.transactie(async (tx) => {
      const t = await tx.toestemming(toestemmingId, 'geen');
      if (!t) throw FOUT_NIET_GEVONDEN(toestemmingId);
      return { t, ontvangers: await tx.ontvangersOpToestemming(t.deelnemerId, toestemmingId) };
    });
    const status = huidigeStatus(t);
    if (status !== 'ingetrokken' && status !== 'verlopen') return [];
    await this.eindigOntvangers(t.deelnemerId, ontvangers, deelnemerIdentiteit(t.deelnemerId));
    return ontvangers;
  }

  /** Puts an expiry reminder in the coach's list (once per consent; later calls change nothing). */
  async herinner(toestemmingId: string, coach: string): Promise<void> {
    await this.transacties.transactie(async (tx) => {
      const t = await tx.toestemming(toestemmingId, 'geen');
      if (!t) throw FOUT_NIET_GEVONDEN(toestemmingId);
      await tx.bewaarHerinnering({ toestemmingId, deelnemerId: t.deelnemerId, coach, geldigTot: t.geldigTot, aangemaaktOp: await tx.nu() });
    });
  }

  /** The caller's reminders of consents that expire soon and are still in force. */
  async herinneringen(door: Identity): Promise<readonly Herinnering[]> {
    return this.transacties.transactie((tx) => tx.herinneringenVoor(door.sub));
  }

  /** Purpose and categories of a consent (for the lifecycle workflow's end notice). */
  async reikwijdte(toestemmingId: string): Promise<{ doel: string; categorieen: readonly DataCategorie[] }> {
    const t = await this.transacties.transactie((tx) => tx.toestemming(toestemmingId, 'geen'));
    if (!t) throw FOUT_NIET_GEVONDEN(toestemmingId);
    return { doel: t.doel, categorieen: t.categorieen };
  }

  private async log(
    tx: ConsentTransactie,
    t: Toestemming,
    handeling: Verwerkingsregel['handeling'],
    op: Date,
    door: Identity,
    aanroep: Aanroep,
  ): Promise<void> {
    await this.logRegel(tx, t, handeling, op, door.organisatie, aanroep);
  }

  private async logRegel(
    tx: ConsentTransactie,
    t: Toestemming,
    handeling: Verwerkingsregel['handeling'],
    op: Date,
    organisatie: string,
    aanroep: Aanroep,
  ): Promise<void> {
    const activiteit = await this.register.activiteitOp(t.doel, op);
    await tx.logVerwerking({
      ...spoorVan(aanroep),
      handeling,
      status: 'ok',
      tijdstip: op,
      ...(activiteit ? { verwerkingsactiviteit: { id: activiteit.id, versie: activiteit.versie } } : {}),
      betrokkene: this.pseudoniem(t.deelnemerId),
      organisatie,
      doel: t.doel,
      categorieen: t.categorieen,
      grondslagen: [],
      toestemmingen: [t.id],
    });
  }

  /** One delivery right after the commit, waited for at most {@link LEVENSCYCLUS_WACHT_MS}: an unreachable Temporal does not hold up the answer. */
  private async bezorgNaCommit(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([this.bezorgLevenscyclus(), new Promise<void>((resolve) => (timer = setTimeout(resolve, LEVENSCYCLUS_WACHT_MS)))]);
    clearTimeout(timer);
  }

  /**
   * Delivers the lifecycle outbox: every due entry is claimed (for {@link LEVENSCYCLUS_LEASE_MS})
   * and signalled to its lifecycle workflow; a failure makes it due again after a back-off that
   * doubles per attempt, up to a minute. Called after each withdrawal and by the service's
   * timer. Never throws; returns how many were delivered.
   */
  async bezorgLevenscyclus(max = 50): Promise<number> {
    let bezorgd = 0;
    try {
      for (const { signaal, pogingen } of await this.levenscyclusOutbox.levenscyclusTeBezorgen(max, LEVENSCYCLUS_LEASE_MS)) {
        try {
          await this.levenscyclus.beeindigd(signaal);
          await this.levenscyclusOutbox.levenscyclusBezorgd(signaal.toestemmingId);
          bezorgd += 1;
        } catch (error) {
          const wachtMs = Math.min(60_000, 500 * 2 ** Math.min(pogingen - 1, 10));
          this.logger.warn({ toestemmingId: signaal.toestemmingId, pogingen, wachtMs, err: error }, 'Consent lifecycle workflow not reached; retrying');
          await this.levenscyclusOutbox.levenscyclusNietBezorgd(
            signaal.toestemmingId,
            wachtMs,
            error instanceof Error ? error.message.slice(0, 500) : String(error),
          );
        }
      }
    } catch (error) {
      this.logger.error({ err: error }, 'Lifecycle outbox could not be read');
    }
    return bezorgd;
  }

  /** Ends each organisation's `ontvanger` involvement with the deelnemer, the service token acting for `namens`. */
  private async eindigOntvangers(deelnemerId: string, ontvangers: readonly string[], namens: Identity): Promise<void> {
    for (const organisatie of ontvangers) await (this.ontvangers as OntvangerPoort).beeindigOntvanger(deelnemerId, organisatie, namens);
  }

  /** The workflow side is told after commit; a failure is logged and never undoes the record. */
  private async meld(actie: () => Promise<void>, toestemmingId: string): Promise<void> {
    try {
      await actie();
    } catch (error) {
      this.logger.error({ toestemmingId, err: error }, 'The consent lifecycle workflow could not be notified of a consent change');
    }
  }
}

function laatste(t: Toestemming): ToestemmingGebeurtenis {
  const g = t.historie[t.historie.length - 1];
  if (!g) throw new TypeError('Consent without history');
  return g;
}
