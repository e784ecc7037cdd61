import { Inject, Injectable, Logger } from '@nestjs/common';
import { RondeDienst } from '@ketenregie/shared-platform';
import {
  FEED_BRONNEN,
  PROJECTIE_INSTELLINGEN,
  PROJECTIE_REPOSITORY,
  type FeedBron,
  type ProjectieInstellingen,
  type ProjectieRepository,
} from './projectie.ports';

/**
 * Keeps the indicator projection up to date: reads every context's feed after the last position
 * and hands each page to the store, which processes every fact id once. A crash between reading
 * and storing only means the page is read again.
 */
@Injectable()
export class ProjectieService extends RondeDienst {
  private readonly logger = new Logger(ProjectieService.name);

  constructor(
    @Inject(PROJECTIE_REPOSITORY) private readonly projectie: ProjectieRepository,
    @Inject(FEED_BRONNEN) private readonly bronnen: readonly FeedBron[],
    @Inject(PROJECTIE_INSTELLINGEN) protected readonly instellingen: ProjectieInstellingen,
  ) {
    super();
  }

  protected rondeMislukt(error: unknown): void {
    this.logger.warn({ err: error }, 'Reading a feed failed; retrying');
  }

  /** Reads one page of every feed. @returns how many new facts were processed. */
  async ronde(): Promise<number> {
    let nieuw = 0;
    for (const bron of this.bronnen) {
      const na = await this.projectie.positie(bron.naam);
      const { feiten, laatste } = await bron.pagina(na, this.instellingen.paginaGrootte);
      if (feiten.length === 0) continue;
      nieuw += await this.projectie.verwerk(bron.naam, feiten, laatste);
    }
    return nieuw;
  }

  /** Reads until every feed is exhausted. */
  async bij(): Promise<void> {
    while ((await this.ronde()) > 0);
  }

  /** Rebuilds the projection from scratch from the stored facts. */
  herbouw(): Promise<number> {
    return this.projectie.herbouw();
  }
}
