import type { ProgrammaDefinitie, ProgrammaVersie } from '@ketenregie/traject-domain';
import type { ProgrammaOpslag } from '../traject.ports';

/** An in-memory {@link ProgrammaOpslag} with the same rules as the database (codes once, versions never overwritten). */
export class GeheugenProgrammaOpslag implements ProgrammaOpslag {
  readonly versiesPerCode = new Map<string, ProgrammaVersie[]>();

  async maak(d: ProgrammaDefinitie, door: { sub: string }): Promise<boolean> {
    if (this.versiesPerCode.has(d.code)) return false;
    this.versiesPerCode.set(d.code, [{ definitie: d, gepubliceerdDoor: door.sub, gepubliceerdOp: new Date() }]);
    return true;
  }

  async voegVersieToe(d: ProgrammaDefinitie, door: { sub: string }): Promise<boolean> {
    const lijst = this.versiesPerCode.get(d.code) ?? [];
    if (lijst.some((v) => v.definitie.versie === d.versie)) return false;
    this.versiesPerCode.set(
      d.code,
      [...lijst, { definitie: d, gepubliceerdDoor: door.sub, gepubliceerdOp: new Date() }].sort((a, b) => a.definitie.versie - b.definitie.versie),
    );
    return true;
  }

  async zaai(definities: readonly ProgrammaDefinitie[], door: string): Promise<number> {
    let n = 0;
    for (const d of definities) if (await this.voegVersieToe(d, { sub: door })) n += 1;
    return n;
  }

  async versies(code: string): Promise<ProgrammaVersie[]> {
    return this.versiesPerCode.get(code) ?? [];
  }

  async versie(code: string, versie: number): Promise<ProgrammaVersie | undefined> {
    return (await this.versies(code)).find((v) => v.definitie.versie === versie);
  }

  async geldigOp(code: string, datum: string): Promise<ProgrammaVersie | undefined> {
    return (await this.versies(code)).filter((v) => v.definitie.geldigVanaf <= datum).at(-1);
  }

  async laatsteVersies(): Promise<ProgrammaVersie[]> {
    return [...this.versiesPerCode.values()].map((l) => l[l.length - 1]);
  }
}
