import type { ProgrammaDefinitie } from './programma';
import type { TrajectOverzicht } from './overzicht';
import type { TijdlijnGebeurtenis } from './traject';

/**
 * The records the traject context stores and reads back: the shapes its ports (application) and
 * its repositories (data-access) share. They live here because data-access may not import the
 * application.
 */

/** Contact details of a deelnemer. */
export interface DeelnemerContact {
  readonly telefoon?: string;
  readonly email?: string;
  readonly adres?: { readonly straat: string; readonly huisnummer: string; readonly postcode: string; readonly woonplaats: string };
}

/** A deelnemer's personal fields besides the BSN; stored as one encrypted record. */
export interface DeelnemerGegevens {
  readonly voornamen: string;
  readonly achternaam: string;
  readonly geboortedatum: string;
  readonly contact: DeelnemerContact;
  readonly huishoudenId?: string;
}

/** A deelnemer to register, with who registers them. */
export interface NieuweDeelnemer extends DeelnemerGegevens {
  readonly bsn: string;
  readonly aangemaaktDoor: string;
  readonly aangemaaktDoorOrganisatie: string;
}

/** A deelnemer as stored, decrypted, without the BSN (which is only decrypted on explicit request). */
export interface DeelnemerRecord extends DeelnemerGegevens {
  readonly id: string;
  /** The organisation that registered the deelnemer; unknown for deelnemers registered before it was recorded. */
  readonly aangemaaktDoorOrganisatie?: string;
  /** Every organisation that registered the deelnemer (the first one included), oldest first. */
  readonly aanmelders: readonly string[];
  readonly aangemaaktOp: Date;
}

/** An organisation's involvement in a traject, effective-dated in the traject context's own `betrokkenheid` table. */
export type TrajectBetrokkenheid = 'aanmelder' | 'regievoerder' | 'coach-organisatie' | 'ontvanger';

/** One involvement over time. */
export interface BetrokkenheidRegel {
  readonly organisatieId: string;
  readonly rol: TrajectBetrokkenheid;
  readonly vanaf: Date;
  readonly tot?: Date;
}

/** A traject as registered by the service (its live state is in the workflow and the projections). */
export interface TrajectRegistratie {
  readonly id: string;
  readonly deelnemerId: string;
  readonly programmaCode: string;
  readonly programmaVersie: number;
  readonly workflowId: string;
}

/** A traject an organisation is involved in, as listed: its registration, the involvement and the overview. */
export interface ZichtbaarTraject extends TrajectRegistratie {
  readonly betrokkenheid: readonly TrajectBetrokkenheid[];
  /** Absent until the workflow wrote its first projection. */
  readonly overzicht?: TrajectOverzicht;
}

/** A recorded timeline event in a traject an organisation is involved in (the signals of a regievoerder). */
export interface SignaalGebeurtenis {
  readonly trajectId: string;
  readonly deelnemerId: string;
  readonly programmaCode: string;
  readonly betrokkenheid: readonly TrajectBetrokkenheid[];
  readonly gebeurtenis: TijdlijnGebeurtenis;
  readonly vastgelegdOp: Date;
}

/** A row of the outbox as the feed reads it. */
export interface UitgaandTrajectFeit {
  readonly id: string;
  readonly volgnummer: number;
  readonly soort: string;
  readonly trajectId: string;
  readonly datum: string;
  readonly data: Record<string, unknown>;
  readonly tijd: Date;
}

/** A stored programme version with who published it and when. */
export interface ProgrammaVersie {
  readonly definitie: ProgrammaDefinitie;
  readonly gepubliceerdDoor: string;
  readonly gepubliceerdOp: Date;
}
