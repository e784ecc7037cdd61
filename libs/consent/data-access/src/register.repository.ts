import { canoniekeJson, type RegisterVersie, type Verwerkingsregister } from '@ketenregie/consent-domain';
import { ConflictError } from '@ketenregie/shared-kernel';
import { type DataSource } from 'typeorm';
import { RegisterVersieEntity } from './consent.entities';

function versie(rij: RegisterVersieEntity): RegisterVersie {
  return { versie: rij.versie, geldigVanaf: rij.geldigVanaf, activiteiten: rij.activiteiten, releaseProfielen: rij.releaseProfielen };
}

/** The application's `RegisterOpslag` port over `register_versie`. */
export class TypeOrmRegisterOpslag {
  constructor(private readonly dataSource: DataSource) {}

  async laad(): Promise<Verwerkingsregister> {
    const rijen = await this.dataSource.getRepository(RegisterVersieEntity).find({ order: { versie: 'ASC' } });
    return { versies: rijen.map(versie) };
  }

  /** @throws ConflictError `CONSENT.REGISTER_VERSION_CHANGED` when a stored version differs from the one offered. */
  async voegOntbrekendeToe(versies: readonly RegisterVersie[]): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(RegisterVersieEntity);
      let toegevoegd = 0;
      for (const v of versies) {
        const bestaand = await repo.findOneBy({ versie: v.versie });
        if (!bestaand) {
          await repo.insert({ versie: v.versie, geldigVanaf: v.geldigVanaf, activiteiten: [...v.activiteiten], releaseProfielen: [...v.releaseProfielen] });
          toegevoegd += 1;
        } else if (canoniekeJson(versie(bestaand)) !== canoniekeJson(v)) {
          throw new ConflictError({
            code: 'CONSENT.REGISTER_VERSION_CHANGED',
            detail: `Register version ${v.versie} is already in force with other content; publish a new version instead`,
          });
        }
      }
      return toegevoegd;
    });
  }
}
