/**
 * Lawful bases (AVG art. 6(1)) other than consent. Consent (art. 6(1)(a)) is not a register
 * entry in this system: it is a {@link Toestemming} record and a separate regime in every decision.
 */
export const ART6_GRONDSLAGEN = ['art6-1-b-overeenkomst', 'art6-1-c-wettelijke-verplichting', 'art6-1-e-publieke-taak'] as const;

/** One of {@link ART6_GRONDSLAGEN}. */
export type Art6Grondslag = (typeof ART6_GRONDSLAGEN)[number];

/**
 * A statutory basis for a disclosure as the register records it: the AVG ground plus the
 * specific law and article that gives the task (doelbinding: the Participatiewet, the Wgs, ...).
 */
export interface WettelijkeGrondslag {
  readonly avg: Art6Grondslag;
  /** The specific law and article, e.g. "Participatiewet art. 7 lid 1". */
  readonly wet: string;
}

/**
 * The art. 9(2) exception a processing activity relies on for special-category data. The
 * partnership relies on explicit consent (art. 9(2)(a)) for every disclosure of health data; the
 * recipient's professional secrecy (art. 9(2)(h), 9(3)) is recorded where it applies.
 */
export const ART9_UITZONDERINGEN = ['art9-2-a-uitdrukkelijke-toestemming', 'art9-2-h-zorg-beroepsgeheim'] as const;

/** One of {@link ART9_UITZONDERINGEN}. */
export type Art9Uitzondering = (typeof ART9_UITZONDERINGEN)[number];
