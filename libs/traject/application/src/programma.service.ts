import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { Toegang } from '@ketenregie/shared-platform';
import type { Identity } from '@ketenregie/shared-platform';
import type { ProgrammaAanmaken, ProgrammaVersieInvoer } from '@ketenregie/traject-contracts';
import { amsterdamDate } from '@ketenregie/shared-kernel';
import { PROGRAMMA_CATALOGUS, PROGRAMMA_STANDAARDEN, trajectError, valideerProgramma, ZRM_VERSIES } from '@ketenregie/traject-domain';
import type { ProgrammaDefinitie, ProgrammaVersie } from '@ketenregie/traject-domain';
import { PROGRAMMA_OPSLAG } from './traject.ports';
import type { ProgrammaOpslag } from './traject.ports';

/** Who stored the shipped catalogue (seed data), in `gepubliceerdDoor`. */
export const CATALOGUS_UITGEVER = 'catalogus';

/** One version of a programme as the API shows it. */
export interface ProgrammaVersieWeergave {
  readonly code: string;
  readonly versie: number;
  readonly naam: string;
  readonly geldigVanaf: string;
  readonly gepubliceerdDoor: string;
  readonly gepubliceerdOp: string;
  readonly definitie: ProgrammaDefinitie;
  /** The domains of the version's ZRM, in the matrix's order: what its forms offer to score. */
  readonly zrmDomeinen: readonly string[];
}

/** A programme with every version, oldest first; `actueel` is the one a traject starting today follows. */
export interface ProgrammaWeergave {
  readonly code: string;
  readonly naam: string;
  readonly omschrijving?: string;
  readonly actueleVersie?: number;
  readonly versies: readonly ProgrammaVersieWeergave[];
}

/** Summary of a programme for `GET /api/v1/programmas` (its latest version). */
export interface ProgrammaSamenvatting {
  readonly code: string;
  readonly versie: number;
  readonly naam: string;
  readonly omschrijving?: string;
  readonly definitie: ProgrammaDefinitie;
}

function weergave(v: ProgrammaVersie): ProgrammaVersieWeergave {
  const d = v.definitie;
  return {
    code: d.code,
    versie: d.versie,
    naam: d.naam,
    geldigVanaf: d.geldigVanaf,
    gepubliceerdDoor: v.gepubliceerdDoor,
    gepubliceerdOp: v.gepubliceerdOp.toISOString(),
    definitie: d,
    zrmDomeinen: ZRM_VERSIES[d.instrumenten.zrmVersie] ?? [],
  };
}

/**
 * Programmes as configuration: a gemeente's klantmanager sets up an approach and publishes new
 * versions without a release. A version applies to trajecten started from its `geldigVanaf` on;
 * running trajecten keep the version they started on (it travels in their workflow input).
 * The shipped catalogue is stored as seed data when the service starts.
 */
@Injectable()
export class ProgrammaService implements OnApplicationBootstrap {
  constructor(
    @Inject(PROGRAMMA_OPSLAG) private readonly opslag: ProgrammaOpslag,
    private readonly toegang: Toegang,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.opslag.zaai(PROGRAMMA_CATALOGUS, CATALOGUS_UITGEVER);
  }

  /** The latest version of every programme. */
  async lijst(door: Identity): Promise<ProgrammaSamenvatting[]> {
    await this.toegang.eis(door, 'programmas.lezen');
    return (await this.opslag.laatsteVersies()).map(({ definitie: d }) => ({
      code: d.code,
      versie: d.versie,
      naam: d.naam,
      omschrijving: d.omschrijving,
      definitie: d,
    }));
  }

  /** A programme with all its versions. */
  async programma(code: string, door: Identity): Promise<ProgrammaWeergave> {
    await this.toegang.eis(door, 'programmas.lezen');
    const versies = await this.opslag.versies(code);
    const laatste = versies.at(-1);
    if (!laatste) throw trajectError('TRAJECT.PROGRAMME_NOT_FOUND', `Er is geen programma ${code}`);
    const actueel = await this.opslag.geldigOp(code, amsterdamDate(Date.now()));
    return {
      code,
      naam: laatste.definitie.naam,
      omschrijving: laatste.definitie.omschrijving,
      ...(actueel ? { actueleVersie: actueel.definitie.versie } : {}),
      versies: versies.map(weergave),
    };
  }

  /** One version of a programme. */
  async versie(code: string, versie: number, door: Identity): Promise<ProgrammaVersieWeergave> {
    await this.toegang.eis(door, 'programmas.lezen');
    const v = await this.opslag.versie(code, versie);
    if (!v) throw trajectError('TRAJECT.PROGRAMME_NOT_FOUND', `Het programma ${code} heeft geen versie ${versie}`);
    return weergave(v);
  }

  /** Sets up a new programme with its first version. */
  async maak(invoer: ProgrammaAanmaken, door: Identity): Promise<ProgrammaVersieWeergave> {
    await this.toegang.eis(door, 'programmas.beheren');
    const { code, ...rest } = invoer;
    const definitie = this.definitie(code, 1, rest);
    if (!(await this.opslag.maak(definitie, door))) {
      throw trajectError('TRAJECT.PROGRAMME_EXISTS', `Er bestaat al een programma met de code ${code}; publiceer een nieuwe versie of kies een andere code`, {
        code: 'al in gebruik',
      });
    }
    return weergave({ definitie, gepubliceerdDoor: door.sub, gepubliceerdOp: new Date() });
  }

  /**
   * Publishes the next version of a programme. It applies to trajecten started from its
   * `geldigVanaf` on (default today), which may not lie before the previous version's.
   */
  async nieuweVersie(code: string, invoer: ProgrammaVersieInvoer, door: Identity): Promise<ProgrammaVersieWeergave> {
    await this.toegang.eis(door, 'programmas.beheren');
    const vorige = (await this.opslag.versies(code)).at(-1);
    if (!vorige) throw trajectError('TRAJECT.PROGRAMME_NOT_FOUND', `Er is geen programma ${code}; maak het eerst aan`);
    const definitie = this.definitie(code, vorige.definitie.versie + 1, invoer);
    if (definitie.geldigVanaf < vorige.definitie.geldigVanaf) {
      throw trajectError(
        'TRAJECT.PROGRAMME_INVALID',
        `Een nieuwe versie kan niet eerder ingaan dan versie ${vorige.definitie.versie} (${vorige.definitie.geldigVanaf})`,
        {
          geldigVanaf: `op of na ${vorige.definitie.geldigVanaf}`,
        },
      );
    }
    if (!(await this.opslag.voegVersieToe(definitie, door))) {
      throw trajectError(
        'TRAJECT.PROGRAMME_EXISTS',
        `Versie ${definitie.versie} van ${code} is zojuist door iemand anders gepubliceerd; bekijk die en probeer het opnieuw`,
      );
    }
    return weergave({ definitie, gepubliceerdDoor: door.sub, gepubliceerdOp: new Date() });
  }

  /** The whole definition: the partnership defaults for what the input leaves out, checked by the domain. */
  private definitie(code: string, versie: number, invoer: ProgrammaVersieInvoer): ProgrammaDefinitie {
    const d = {
      ...PROGRAMMA_STANDAARDEN,
      ...invoer,
      code,
      versie,
      geldigVanaf: invoer.geldigVanaf ?? amsterdamDate(Date.now()),
      kalender: invoer.kalender ?? {},
      nazorg: invoer.nazorg ?? null,
    } as ProgrammaDefinitie;
    valideerProgramma(d);
    return d;
  }
}
