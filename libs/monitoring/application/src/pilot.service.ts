import { Inject, Injectable } from '@nestjs/common';
import { NotFoundError, ValidationError } from '@ketenregie/shared-kernel';
import type { StuurgroepRepository } from './registry.ports';
import type { MonitoringActivities } from '@ketenregie/monitoring-contracts';
import { Toegang, type Identity } from '@ketenregie/shared-platform';
import { randomUUID } from 'node:crypto';
import { IndicatorBerekening } from './indicator.service';
import type { Pilot, Rapportage, StuurgroepMelding } from '@ketenregie/monitoring-domain';
import { PILOT_REPOSITORY, PILOT_WORKFLOWS, type PilotRepository, type PilotWorkflows } from './pilot.ports';
import { STUURGROEP_REPOSITORY } from './registry.tokens';

const nietGevonden = () => new NotFoundError({ code: 'MONITORING.PILOT_NOT_FOUND', detail: 'No such pilot.' });

/**
 * Pilots of a stuurgroep: the gemeente sets one up (its `pilot-evaluatie` workflow starts), the
 * stuurgroep's members read its published reports and record the extension decision.
 */
@Injectable()
export class PilotService {
  constructor(
    @Inject(PILOT_REPOSITORY) private readonly pilots: PilotRepository,
    @Inject(PILOT_WORKFLOWS) private readonly workflows: PilotWorkflows,
    @Inject(STUURGROEP_REPOSITORY) private readonly stuurgroepen: StuurgroepRepository,
    private readonly toegang: Toegang,
  ) {}

  async maak(body: Omit<Pilot, 'id'>, door: Identity): Promise<Pilot> {
    await this.toegang.eis(door, 'convenant.beheren');
    await this.lidVan(body.stuurgroepId, door);
    if (!(body.t0 < body.t1 && body.t1 < body.eind))
      throw new ValidationError({
        code: 'MONITORING.PILOT_INVALID',
        detail: 'T0, T1 and the end must follow each other.',
        fields: { t1: 'after t0', eind: 'after t1' },
      });
    const pilot: Pilot = { ...body, id: randomUUID() };
    await this.pilots.maak({ ...pilot, aangemaaktDoor: door.organisatie });
    await this.workflows.start(pilot);
    return pilot;
  }

  async pilot(id: string, door: Identity): Promise<Pilot> {
    await this.toegang.eis(door, 'indicatoren.lezen');
    const p = await this.pilots.vind(id);
    if (!p || !(await this.isLid(p.stuurgroepId, door))) throw nietGevonden();
    return p;
  }

  /** The published reports, oldest first (immutable). */
  async rapportages(id: string, door: Identity): Promise<Rapportage[]> {
    const p = await this.pilot(id, door);
    return this.pilots.rapportages(p.id);
  }

  /** The stuurgroep's extension decision, handed to the workflow (which records it). */
  async besluit(id: string, besluit: 'verlengen' | 'beeindigen', door: Identity): Promise<void> {
    await this.toegang.eis(door, 'convenant.beheren');
    const p = await this.pilot(id, door);
    await this.workflows.besluit(p.id, { besluit, door: door.organisatie });
  }

  /** The stuurgroep's inbox (pilot and quarterly report notifications), for its members only; anyone else gets not-found. */
  async meldingen(stuurgroepId: string, door: Identity): Promise<StuurgroepMelding[]> {
    await this.toegang.eis(door, 'indicatoren.lezen');
    await this.lidVan(stuurgroepId, door);
    return this.pilots.meldingen(stuurgroepId);
  }

  private async isLid(stuurgroepId: string, door: Identity): Promise<boolean> {
    return (await this.stuurgroepen.list()).some((s) => s.id === stuurgroepId && s.leden.includes(door.organisatie));
  }

  private async lidVan(stuurgroepId: string, door: Identity): Promise<void> {
    if (!(await this.isLid(stuurgroepId, door)))
      throw new NotFoundError({ code: 'MONITORING.STUURGROEP_NOT_FOUND', detail: "No such stuurgroep with the caller's organisation as a member." });
  }
}

/** The monitoring workflows' side effects, in-process (the worker's adapter calls this); every write keyed by `sleutel`. */
@Injectable()
export class MonitoringActiviteitenService implements MonitoringActivities {
  constructor(
    @Inject(PILOT_REPOSITORY) private readonly pilots: PilotRepository,
    private readonly indicatoren: IndicatorBerekening,
  ) {}

  async publishPilotReport(i: { sleutel: string; pilotId: string; moment: string; peildatum: string }): Promise<void> {
    const p = await this.pilots.vind(i.pilotId);
    if (!p) throw nietGevonden();
    const inhoud = await this.indicatoren.bereken({ periode: 'maand', vanMaand: p.t0.slice(0, 7), totMaand: i.peildatum.slice(0, 7) }, i.peildatum, {
      programma: p.programma,
    });
    await this.pilots.publiceer({ sleutel: i.sleutel, pilotId: p.id, moment: i.moment, peildatum: i.peildatum, inhoud });
  }

  async recordPilotDecision(i: { sleutel: string; pilotId: string; besluit: string; door?: string; nieuweEinddatum?: string }): Promise<void> {
    await this.pilots.legBesluitVast(i);
  }

  async publishQuarterReport(i: { sleutel: string; convenantId: string; kwartaal: string; peildatum: string }): Promise<void> {
    const jaar = i.kwartaal.slice(0, 4);
    const k = Number(i.kwartaal.slice(-1));
    const van = `${jaar}-${String((k - 1) * 3 + 1).padStart(2, '0')}`;
    const tot = `${jaar}-${String(k * 3).padStart(2, '0')}`;
    const inhoud = await this.indicatoren.bereken({ periode: 'kwartaal', vanMaand: van, totMaand: tot }, i.peildatum);
    await this.pilots.publiceer({ sleutel: i.sleutel, convenantId: i.convenantId, moment: i.kwartaal, peildatum: i.peildatum, inhoud });
  }

  async notifyStuurgroep(i: { sleutel: string; stuurgroepId: string; aan: string; onderwerp: string; verwijzing: string }): Promise<void> {
    await this.pilots.meld(i);
  }
}
