import { Inject, Injectable } from '@nestjs/common';
import {
  activiteitVoorDoel,
  type BewaartermijnEinde,
  bewaartermijnNaEinde,
  registerVersieOp,
  RegisterVersie,
  valideerRegister,
  Verwerkingsactiviteit,
  Verwerkingsregister,
} from '@ketenregie/consent-domain';
import { type IsoDate, ValidationError } from '@ketenregie/shared-kernel';
import type { RegisterRepository } from './consent.ports';
import { REGISTER_REPOSITORY } from './consent.tokens';

/**
 * The processing register in force. Versions are immutable once stored, so the service keeps
 * them in memory and reloads only when it publishes versions itself; a decision therefore costs
 * no register query. Use cases call {@link huidig} before opening a transaction, so the first
 * load never runs on a second connection while a transaction is open.
 */
@Injectable()
export class RegisterService {
  private register: Verwerkingsregister | undefined;

  constructor(@Inject(REGISTER_REPOSITORY) private readonly opslag: RegisterRepository) {}

  /** The whole versioned register (cached). */
  async huidig(): Promise<Verwerkingsregister> {
    this.register ??= await this.opslag.laad();
    return this.register;
  }

  /**
   * Publishes register versions not stored yet (idempotent; how the demo register is seeded).
   * @throws ValidationError `CONSENT.REGISTER_INVALID` when the resulting register breaks an invariant.
   * @throws ConflictError `CONSENT.REGISTER_VERSION_CHANGED` when a stored version would change.
   */
  async publiceer(versies: readonly RegisterVersie[]): Promise<number> {
    const bestaand = await this.opslag.laad();
    const nieuw = versies.filter((v) => !bestaand.versies.some((b) => b.versie === v.versie));
    const samen = [...bestaand.versies, ...nieuw].sort((a, b) => a.versie - b.versie);
    const problemen = valideerRegister({ versies: samen });
    if (problemen.length > 0) {
      throw new ValidationError({
        code: 'CONSENT.REGISTER_INVALID',
        detail: problemen.map((p) => `v${p.versie} ${p.code} ${p.detail}`).join('; '),
      });
    }
    const toegevoegd = await this.opslag.voegOntbrekendeToe(versies);
    this.register = await this.opslag.laad();
    return toegevoegd;
  }

  /** The activity for a purpose in the version in force at `op`. */
  async activiteitOp(doel: string, op: Date): Promise<Verwerkingsactiviteit | undefined> {
    const versie = registerVersieOp(await this.huidig(), op);
    return versie && activiteitVoorDoel(versie, doel);
  }

  /** The retention period after a deelnemer's last traject ended on `einde` (Dutch date), from the register in force then; undefined when it declares none. */
  async bewaartermijnNa(einde: IsoDate): Promise<BewaartermijnEinde | undefined> {
    return bewaartermijnNaEinde(await this.huidig(), einde);
  }

  /** An activity by id and version, in whichever register version holds it. */
  async activiteit(id: string, versie: number): Promise<Verwerkingsactiviteit | undefined> {
    for (const v of (await this.huidig()).versies) {
      const gevonden = v.activiteiten.find((a) => a.id === id && a.versie === versie);
      if (gevonden) return gevonden;
    }
    return undefined;
  }
}
