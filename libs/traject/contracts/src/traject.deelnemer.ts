import type { IsoDate, Rol } from '@ketenregie/shared-kernel';
import type { Fase, TrajectStatus } from '@ketenregie/traject-domain';
import type { DeelnemerAanmaken } from './traject.dto';

/** One traject of a deelnemer as listed with the deelnemer: programme, start and where it stands. */
export interface DeelnemerTraject {
  readonly id: string;
  readonly programma: { readonly code: string; readonly versie: number };
  /** Absent only while neither the projection nor the workflow can be read. */
  readonly startdatum?: IsoDate;
  readonly fase?: Fase;
  readonly status?: TrajectStatus;
}

/**
 * What `GET /api/v1/deelnemers/{id}` shows to an involved organisation: the personal data and the
 * deelnemer's trajecten over time, oldest first (re-entry keeps history).
 */
export interface DeelnemerWeergave {
  readonly id: string;
  /** The BSN with all but its last three digits masked (`******333`), enough to check it with the deelnemer. */
  readonly bsnGemaskeerd: string;
  /** The full BSN, only for the roles of {@link BSN_VOLLEDIG_ROLLEN}. */
  readonly bsn?: string;
  readonly voornamen: string;
  readonly achternaam: string;
  readonly geboortedatum: IsoDate;
  readonly contact: DeelnemerAanmaken['contact'];
  readonly huishoudenId?: string;
  readonly trajecten: readonly DeelnemerTraject[];
}

/**
 * Roles that get the full BSN: the gemeente's klantmanager, who administers the benefit and
 * exchanges with Suwinet under the Participatiewet. Every other role works with the opaque id and
 * sees the BSN masked (AVG data minimisation).
 */
export const BSN_VOLLEDIG_ROLLEN: readonly Rol[] = ['klantmanager'];

/** `******333`: a BSN with all but its last three digits masked. */
export function maskeerBsn(bsn: string): string {
  return `${'*'.repeat(Math.max(0, bsn.length - 3))}${bsn.slice(-3)}`;
}

/** `POST`: erase a deelnemer (`{ grond }`), the gemeente's fg or the retention workflow acting for them. */
export function deelnemerWissingPath(deelnemerId: string): string {
  return `/api/v1/deelnemers/${encodeURIComponent(deelnemerId)}/wissing`;
}
