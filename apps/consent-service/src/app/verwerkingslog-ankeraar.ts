import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ankerSleutel, laatsteAnker, maakAnker, schrijfAnker, toetsTegenAnker, type SqlVerwerkingRepository } from '@ketenregie/consent-data-access';
import { VERWERKING_REPOSITORY } from '@ketenregie/consent-application';
import type { KeyObject } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Where and how often the processing log's head is anchored. */
export interface AnkerOpties {
  /** The FG's directory the signed anchors are written to. */
  readonly map: string;
  /** PKCS#8 PEM of the Ed25519 signing key; without it (embedded mode) one is made and kept in the directory. */
  readonly sleutelPem?: string;
  /** ms between anchors; 0: none. */
  readonly intervalMs: number;
}

export const ANKER_OPTIES = Symbol('ANKER_OPTIES');

/**
 * Anchors the processing log outside the database: every `intervalMs`, when a
 * chain head moved, the heads are signed with the FG's Ed25519 key and written as a file to the
 * FG's directory, next to the public key (`anker-sleutel.pub.pem`). Verification checks the log
 * against the newest anchor, so a rewrite by someone with the database owner's credentials shows.
 */
@Injectable()
export class VerwerkingslogAnkeraar implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(VerwerkingslogAnkeraar.name);
  private timer?: NodeJS.Timeout;
  private sleutel?: { privaat: KeyObject; publiek: KeyObject };
  private laatste = '';

  constructor(
    @Inject(ANKER_OPTIES) private readonly opties: AnkerOpties,
    @Inject(VERWERKING_REPOSITORY) private readonly verwerkingen: SqlVerwerkingRepository,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.opties.intervalMs <= 0) return;
    this.timer = setInterval(() => {
      this.veranker().catch((err: unknown) => this.logger.warn({ err }, 'Could not anchor the processing log'));
    }, this.opties.intervalMs);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  private async sleutels(): Promise<{ privaat: KeyObject; publiek: KeyObject }> {
    if (this.sleutel) return this.sleutel;
    await mkdir(this.opties.map, { recursive: true });
    let pem = this.opties.sleutelPem;
    if (!pem) {
      const pad = join(this.opties.map, '.anker-sleutel.pem');
      pem = await readFile(pad, 'utf8').catch(async () => {
        const nieuw = ankerSleutel().privaat.export({ type: 'pkcs8', format: 'pem' }).toString();
        await writeFile(pad, nieuw, { mode: 0o600 });
        return nieuw;
      });
    }
    this.sleutel = ankerSleutel(pem);
    await writeFile(join(this.opties.map, 'anker-sleutel.pub.pem'), this.sleutel.publiek.export({ type: 'spki', format: 'pem' }).toString());
    return this.sleutel;
  }

  /** Writes an anchor when a head moved since the last one; returns its path. */
  async veranker(): Promise<string | undefined> {
    const koppen = await this.verwerkingen.ketenKoppen();
    const vingerafdruk = JSON.stringify(koppen);
    if (koppen.length === 0 || vingerafdruk === this.laatste) return undefined;
    const pad = await schrijfAnker(this.opties.map, maakAnker(koppen, new Date(), (await this.sleutels()).privaat));
    this.laatste = vingerafdruk;
    return pad;
  }

  /** The log against the newest anchor (none yet: undefined). */
  async toets(): Promise<{ geldig: boolean; tijdstip: string; afwijking?: { keten: number; volgnummer: number } } | undefined> {
    const anker = await laatsteAnker(this.opties.map);
    if (!anker) return undefined;
    return toetsTegenAnker(anker, (await this.sleutels()).publiek, (k, n) => this.verwerkingen.hashOp(k, n));
  }
}
