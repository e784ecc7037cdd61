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

/** `GET /api/v1/programmas/{code}/versies/{versie}`: what the forms of a traject need from its programme. */
export interface ProgrammaVersie {
  readonly definitie: {
    readonly naam: string;
    readonly fasen: readonly string[];
    readonly instrumenten: {
      readonly ladderVersie: string;
      readonly ladderSubtreden: boolean;
      readonly zrmVersie: string;
      readonly gasVersie: string;
      readonly verplichtBijMeting: readonly string[];
    };
  };
}

/** `GET /api/v1/trajecten/{id}`. */
export interface TrajectOverzicht {
  readonly trajectId: string;
  readonly programma: { readonly code: string; readonly versie: number };
  readonly fase: string;
  readonly status: string;
  readonly gasDoelen?: readonly { readonly id: string; readonly omschrijving: string; readonly niveaus: Readonly<Record<string, string>> }[];
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
  /** `gepland`: the deadline runs; its task appears on `taakVanaf`. */
  readonly status: 'open' | 'verlopen' | 'afgerond' | 'gepland';
  readonly taakVanaf?: string;
  readonly geescaleerdNaar?: string;
}

/** The next deadline of a traject, for people. */
export interface VolgendeTermijnTekst {
  readonly titel: string;
  readonly uiterlijk: string;
  readonly voor: string;
  readonly verlopen: boolean;
}

/** `GET /api/v1/trajecten`: one page of the trajecten the organisation is involved in. */
export interface TrajectenPagina {
  readonly trajecten: readonly {
    readonly trajectId: string;
    readonly deelnemer?: { readonly id: string; readonly naam: string };
    readonly programma: { readonly code: string; readonly versie: number; readonly naam: string };
    readonly faseTekst?: string;
    readonly status?: string;
    readonly startdatum?: string;
    readonly verlopen?: boolean;
    readonly volgendeTermijn?: VolgendeTermijnTekst;
  }[];
  readonly totaal: number;
  readonly pagina: number;
  readonly perPagina: number;
  readonly paginas: number;
}

/** `GET /api/v1/trajecten/{id}/verloop`: the timeline for people. */
export interface TrajectVerloop {
  readonly programma: string;
  readonly fase: string;
  readonly volgendeTermijn?: VolgendeTermijnTekst;
  readonly gebeurtenissen: readonly {
    readonly volgnummer: number;
    readonly datum: string;
    readonly datumTekst: string;
    readonly vastgelegdOp?: string;
    readonly titel: string;
    readonly details: readonly string[];
    readonly door: string;
    readonly fase: string;
  }[];
}

/** One of `GET /api/v1/signalen`. */
export interface Signaal {
  readonly trajectId: string;
  readonly soort: string;
  readonly soortTekst: string;
  readonly titel: string;
  readonly details: readonly string[];
  readonly datum: string;
  readonly datumTekst: string;
  readonly vastgelegdOp: string;
  readonly programma: string;
  readonly deelnemer?: { readonly id: string; readonly naam: string };
}
