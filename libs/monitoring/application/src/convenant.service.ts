import { Inject, Injectable, Optional } from '@nestjs/common';
import { amsterdamDate, ConflictError, NotFoundError, type IsoDate } from '@ketenregie/shared-kernel';
import { assertConvenantVersie, isPartij, versieOp, type Convenant, type ConvenantInhoud, type ConvenantVersie } from '@ketenregie/monitoring-domain';
import type { StuurgroepRepository } from './registry.ports';
import type { ConvenantAanmaken, ConvenantDto, ConvenantVersieDto, ConvenantWijzigen } from '@ketenregie/monitoring-contracts';
import { Toegang, type Identity } from '@ketenregie/shared-platform';
import { randomUUID } from 'node:crypto';
import { CONVENANT_MONITOR, CONVENANT_REPOSITORY, type ConvenantMonitor, type ConvenantRepository } from './convenant.ports';
import { STUURGROEP_REPOSITORY } from './registry.tokens';

const nietGevonden = () => new NotFoundError({ code: 'MONITORING.CONVENANT_NOT_FOUND', detail: 'No such convenant.' });

const inhoudVan = (b: ConvenantAanmaken | ConvenantWijzigen): ConvenantInhoud => ({
  naam: b.naam,
  startdatum: b.startdatum,
  einddatum: b.einddatum,
  partijen: b.partijen.map((p) => ({ organisatieId: p.organisatieId, toezeggingen: p.toezeggingen })),
  doelen: b.doelen,
});

/** The version as served. */
export const versieWeergave = (v: ConvenantVersie): ConvenantVersieDto => ({
  versie: v.versie,
  ingangsdatum: v.ingangsdatum,
  vastgesteldDoor: v.vastgesteldDoor,
  naam: v.naam,
  startdatum: v.startdatum,
  einddatum: v.einddatum,
  partijen: v.partijen.map((p) => ({ organisatieId: p.organisatieId, toezeggingen: p.toezeggingen.map((t) => ({ ...t })) })),
  doelen: v.doelen.map((d) => ({ ...d })),
});

/**
 * Convenanten of the stuurgroepen. The gemeente's stuurgroeplid sets one up and records every
 * amendment as a new version; every party's stuurgroeplid reads the convenanten its organisation
 * is a party to (any version). Anyone else is told the convenant does not exist.
 */
@Injectable()
export class ConvenantService {
  constructor(
    @Inject(CONVENANT_REPOSITORY) private readonly convenanten: ConvenantRepository,
    @Inject(STUURGROEP_REPOSITORY) private readonly stuurgroepen: StuurgroepRepository,
    private readonly toegang: Toegang,
    /** Without it (the registry-only wiring), no quarterly monitor is started. */
    @Optional() @Inject(CONVENANT_MONITOR) private readonly monitor?: ConvenantMonitor,
  ) {}

  /** The convenanten the caller's organisation is a party to. */
  async lijst(door: Identity, nu = Date.now()): Promise<ConvenantDto[]> {
    await this.toegang.eis(door, 'convenant.lezen');
    return (await this.convenanten.list()).filter((c) => isPartij(c, door.organisatie)).map((c) => this.weergave(c, amsterdamDate(nu)));
  }

  /** @throws NotFoundError `MONITORING.CONVENANT_NOT_FOUND` also when the caller's organisation is no party. */
  async convenant(id: string, door: Identity, nu = Date.now()): Promise<ConvenantDto> {
    return this.weergave(await this.leesbaar(id, door), amsterdamDate(nu));
  }

  async versie(id: string, versie: number, door: Identity): Promise<ConvenantVersieDto> {
    const v = (await this.leesbaar(id, door)).versies.find((x) => x.versie === versie);
    if (!v) throw new NotFoundError({ code: 'MONITORING.CONVENANT_VERSIE_NOT_FOUND', detail: 'The convenant has no such version.' });
    return versieWeergave(v);
  }

  /** The convenant (for other use cases of this context) when the caller may read it. */
  async leesbaar(id: string, door: Identity): Promise<Convenant> {
    await this.toegang.eis(door, 'convenant.lezen');
    const c = await this.convenanten.find(id);
    if (!c || !isPartij(c, door.organisatie)) throw nietGevonden();
    return c;
  }

  /** Sets up a convenant with its first version, in force from its start date, and starts its quarterly monitor. */
  async maak(body: ConvenantAanmaken, door: Identity, nu = Date.now()): Promise<ConvenantDto> {
    await this.toegang.eis(door, 'convenant.beheren');
    const stuurgroep = (await this.stuurgroepen.list()).find((s) => s.id === body.stuurgroepId);
    if (!stuurgroep || !stuurgroep.leden.includes(door.organisatie)) {
      throw new NotFoundError({ code: 'MONITORING.STUURGROEP_NOT_FOUND', detail: "No such stuurgroep with the caller's organisation as a member." });
    }
    const inhoud = assertConvenantVersie(inhoudVan(body), body.startdatum, { stuurgroepLeden: new Set(stuurgroep.leden), door: door.organisatie });
    const convenant: Convenant = {
      id: randomUUID(),
      stuurgroepId: stuurgroep.id,
      versies: [{ ...inhoud, versie: 1, ingangsdatum: inhoud.startdatum, vastgesteldDoor: door.organisatie }],
    };
    await this.convenanten.create(convenant);
    await this.monitor?.start({ convenantId: convenant.id, stuurgroepId: convenant.stuurgroepId, einddatum: inhoud.einddatum });
    return this.weergave(convenant, amsterdamDate(nu));
  }

  /** Records an amendment as the next version; earlier versions stay as they were. */
  async wijzig(id: string, body: ConvenantWijzigen, door: Identity, nu = Date.now()): Promise<ConvenantDto> {
    await this.toegang.eis(door, 'convenant.beheren');
    const c = await this.leesbaar(id, door);
    const stuurgroep = (await this.stuurgroepen.list()).find((s) => s.id === c.stuurgroepId);
    const vorige = c.versies[c.versies.length - 1];
    const ingangsdatum: IsoDate = body.ingangsdatum ?? amsterdamDate(nu);
    const inhoud = assertConvenantVersie(inhoudVan(body), ingangsdatum, { stuurgroepLeden: new Set(stuurgroep?.leden ?? []), door: door.organisatie, vorige });
    const versie: ConvenantVersie = { ...inhoud, versie: vorige.versie + 1, ingangsdatum, vastgesteldDoor: door.organisatie };
    if (!(await this.convenanten.addVersion(id, versie))) {
      throw new ConflictError({
        code: 'MONITORING.CONVENANT_VERSIE_EXISTS',
        detail: `Version ${versie.versie} was recorded meanwhile; read it and try again.`,
      });
    }
    return this.weergave({ ...c, versies: [...c.versies, versie] }, amsterdamDate(nu));
  }

  private weergave(c: Convenant, vandaag: IsoDate): ConvenantDto {
    return {
      id: c.id,
      stuurgroepId: c.stuurgroepId,
      huidig: versieWeergave(versieOp(c, vandaag)),
      versies: c.versies.map((v) => ({ versie: v.versie, ingangsdatum: v.ingangsdatum })),
    };
  }
}
