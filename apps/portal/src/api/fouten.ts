/** A problem+json answer of the API, with a Dutch message for people. */
export class ApiFout extends Error {
  constructor(
    readonly status: number,
    readonly code: string | undefined,
    message: string,
    /** Invalid fields by path (`bsn`, `contact.email`), as the API names them. */
    readonly velden: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }
}

/** Dutch messages for the API's stable error codes the portal's pages meet. */
const PER_CODE: Readonly<Record<string, string>> = {
  'TRAJECT.DEELNEMER_EXISTS': 'Er is al een deelnemer met dit BSN ingeschreven.',
  'TRAJECT.BSN_INVALID': 'Dit BSN klopt niet: het voldoet niet aan de elfproef.',
  'TRAJECT.NOT_ELIGIBLE': 'De deelnemer valt buiten de doelgroep van dit programma.',
  'TRAJECT.FORBIDDEN': 'U mag dit niet doen met uw rol of organisatie.',
  'TRAJECT.NOT_FOUND': 'Dit traject bestaat niet, of u bent er niet bij betrokken.',
  'TRAJECT.DEELNEMER_NOT_FOUND': 'Deze deelnemer bestaat niet, of u bent er niet bij betrokken.',
  'TRAJECT.PROCESSING_LOG_UNAVAILABLE': 'De gegevens kunnen nu niet worden getoond, omdat de inzage niet kan worden vastgelegd. Probeer het later opnieuw.',
  'PLAATSING.FASE_ONGELDIG': 'Dit kan nu niet in deze stap van de plaatsing.',
  'PLAATSING.AFGELOPEN': 'Deze plaatsing is afgelopen.',
  'PLAATSING.NIET_GEVONDEN': 'Deze plaatsing bestaat niet, of u bent er niet bij betrokken.',
  'AUTH.ORGANISATIE_UNKNOWN': 'Deze organisatie is niet bekend in het register.',
  'AUTH.ROL_NOT_ALLOWED': 'Deze rol past niet bij deze organisatie.',
};

const PER_STATUS: Readonly<Record<number, string>> = {
  400: 'Niet alle gegevens zijn juist ingevuld.',
  401: 'U bent niet (meer) ingelogd.',
  403: 'U mag dit niet doen met uw rol of organisatie.',
  404: 'Niet gevonden.',
  409: 'Dit kan nu niet: de gegevens zijn intussen gewijzigd.',
  422: 'Dit kan nu niet in deze stap van het traject.',
  502: 'Een onderdeel van Ketenregie is nu niet bereikbaar. Probeer het later opnieuw.',
  503: 'Ketenregie is nu niet beschikbaar. Probeer het later opnieuw.',
};

/** The error of a failed API call, from its problem+json body when there is one. */
export function alsApiFout(response: Response, body: unknown): ApiFout {
  const problem = (body && typeof body === 'object' ? body : {}) as { code?: string; errors?: { field: string; detail: string }[] };
  const velden = Object.fromEntries((problem.errors ?? []).map((e) => [e.field, e.detail]));
  const bericht = (problem.code && PER_CODE[problem.code]) ?? PER_STATUS[response.status] ?? `Er ging iets mis (${response.status}).`;
  return new ApiFout(response.status, problem.code, bericht, velden);
}

/** `error` when the API gave it, else (the network, the browser) an {@link ApiFout} with `tekst`. */
export function apiFoutVan(error: unknown, tekst: string): ApiFout {
  return error instanceof ApiFout ? error : new ApiFout(0, undefined, tekst);
}

/** What an openapi-fetch call resolves to. */
interface Antwoord {
  readonly data?: unknown;
  readonly error?: unknown;
  readonly response: Response;
}

/**
 * The body of a successful call, typed by the operation's response in the OpenAPI document, or
 * throws {@link ApiFout}.
 */
export async function verwacht<R extends Antwoord>(call: Promise<R>): Promise<Exclude<R['data'], undefined>> {
  let resultaat: Antwoord;
  try {
    resultaat = await call;
  } catch {
    throw new ApiFout(0, undefined, 'Ketenregie is niet bereikbaar. Controleer uw verbinding en probeer het opnieuw.');
  }
  if (!resultaat.response.ok) throw alsApiFout(resultaat.response, resultaat.error);
  return resultaat.data as Exclude<R['data'], undefined>;
}
