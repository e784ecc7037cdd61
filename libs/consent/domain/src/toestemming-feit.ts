/** A consent given or withdrawn as the consent context publishes it: ids, codes and the recording organisation, no deelnemer. */
export interface ToestemmingFeit {
  readonly sleutel: string;
  readonly soort: 'gegeven' | 'ingetrokken';
  readonly toestemmingId: string;
  /** Amsterdam date (YYYY-MM-DD). */
  readonly datum: string;
  readonly organisatie: string;
  readonly doel: string;
}

/** A row of the outbox as the feed reads it. */
export interface UitgaandToestemmingFeit {
  readonly id: string;
  readonly volgnummer: number;
  readonly soort: string;
  readonly toestemmingId: string;
  readonly datum: string;
  readonly data: Record<string, unknown>;
  readonly tijd: Date;
}
