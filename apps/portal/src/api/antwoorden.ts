/**
 * Response bodies that traject-service does not declare in its OpenAPI document yet (its
 * operations list a status without content), as the service returns them today. When the
 * service declares them, `npx nx run portal:api-types` brings them into openapi.d.ts and these
 * go. Only the fields the portal reads are listed.
 */

/** `GET /api/v1/programmas`: one programme. */
export interface Programma {
  readonly code: string;
  readonly versie: number;
  readonly naam: string;
}

/** `POST /api/v1/deelnemers` and `POST /api/v1/trajecten`. */
export interface Aangemaakt {
  readonly id: string;
}

/** `GET /api/v1/deelnemers/{id}`. */
export interface Deelnemer {
  readonly id: string;
  readonly bsnGemaskeerd: string;
  readonly bsn?: string;
  readonly voornamen: string;
  readonly achternaam: string;
  readonly geboortedatum: string;
  readonly trajecten: readonly {
    readonly id: string;
    readonly programma: { readonly code: string; readonly versie: number };
    readonly startdatum?: string;
    readonly fase?: string;
    readonly status?: string;
  }[];
}

/** `GET /api/v1/trajecten/{id}`. */
export interface TrajectOverzicht {
  readonly trajectId: string;
  readonly programma: { readonly code: string; readonly versie: number };
  readonly fase: string;
  readonly status: string;
  readonly startdatum: string;
  readonly geplandeEinddatum: string;
  readonly volgendeTermijn?: { readonly soort: string; readonly vervalt: string; readonly voor: 'coach' | 'regievoerder'; readonly verlopen: boolean };
  readonly evaluaties: number;
  readonly uitval?: { readonly datum: string; readonly reden: string };
}

/** One entry of `GET /api/v1/trajecten/{id}/tijdlijn`. */
export interface TijdlijnGebeurtenis {
  readonly nr: number;
  readonly datum: string;
  readonly soort: string;
  readonly fase: string;
  readonly gegevens: Readonly<Record<string, string | number | boolean>>;
}

/** One entry of `GET /api/v1/taken`. */
export interface Taak {
  readonly trajectId: string;
  readonly termijnId: string;
  readonly soort: string;
  readonly voor: 'coach' | 'regievoerder';
  readonly vervalt: string;
  readonly status: 'open' | 'verlopen' | 'afgerond';
  readonly geescaleerdNaar?: string;
}
