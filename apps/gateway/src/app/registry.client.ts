import { Inject, Injectable, ServiceUnavailableException } from '@nestjs/common';
import { ORGANISATIES_PATH, OrganisatieDto, organisatieLijstSchema, organisatieSchema } from '@ketenregie/monitoring-contracts';
import { NotFoundError } from '@ketenregie/shared-kernel';
import type { ServiceUrls } from './route-table';
import { SERVICE_URLS } from './tokens';

const TIMEOUT_MS = 3_000;

/** Reads the organisation registry of monitor-service over HTTP, as any other client would. */
@Injectable()
export class RegistryClient {
  constructor(@Inject(SERVICE_URLS) private readonly urls: ServiceUrls) {}

  /** @throws NotFoundError `AUTH.ORGANISATIE_UNKNOWN` when the registry does not know `id`. */
  async get(id: string): Promise<OrganisatieDto> {
    const response = await this.fetch(`${ORGANISATIES_PATH}/${encodeURIComponent(id)}`);
    if (response.status === 404) {
      throw new NotFoundError({
        code: 'AUTH.ORGANISATIE_UNKNOWN',
        detail: `The organisation registry has no organisation "${id}".`,
        fields: { organisatie: 'unknown organisation' },
      });
    }
    return organisatieSchema.parse(await this.json(response));
  }

  async list(): Promise<OrganisatieDto[]> {
    return organisatieLijstSchema.parse(await this.json(await this.fetch(ORGANISATIES_PATH)));
  }

  private async fetch(path: string): Promise<Response> {
    try {
      return await fetch(`${this.urls['monitor-service']}${path}`, { signal: AbortSignal.timeout(TIMEOUT_MS) });
    } catch {
      throw new ServiceUnavailableException('The organisation registry (monitor-service) is not reachable.');
    }
  }

  private async json(response: Response): Promise<unknown> {
    if (!response.ok) throw new ServiceUnavailableException(`The organisation registry answered HTTP ${response.status}.`);
    return response.json();
  }
}
