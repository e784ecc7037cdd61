import type { OverdrachtInzicht, VerwijzingInzicht } from '@ketenregie/exchange-application';
import type { OverdrachtDto, VerwijzingDto } from '@ketenregie/exchange-contracts';
import { aanZet, dossierLeesbaar } from '@ketenregie/exchange-domain';

/** An overdracht as the API shows it (never the dossier's content). */
export function overdrachtDto({ overdracht: o }: OverdrachtInzicht): OverdrachtDto {
  return {
    id: o.id,
    deelnemerId: o.deelnemerId,
    ...(o.trajectId ? { trajectId: o.trajectId } : {}),
    zender: { organisatie: o.zender.organisatie, type: o.zender.type },
    ontvanger: o.ontvanger,
    reden: o.reden,
    overTeNemen: [...o.overTeNemen],
    ...(o.voorgesteldEersteGesprek ? { voorgesteldEersteGesprek: o.voorgesteldEersteGesprek } : {}),
    status: o.status,
    aanZet: aanZet(o.status),
    ...(o.termijn ? { termijn: o.termijn } : {}),
    afwijzingen: [...o.afwijzingen],
    ...(o.driegesprek ? { driegesprek: o.driegesprek } : {}),
    aangevraagdOp: o.aangevraagdOp.toISOString(),
    bijgewerktOp: o.bijgewerktOp.toISOString(),
  };
}

/** An inbox line: the overdracht, from which side, and whether the dossier can be read now. */
export function inboxRegel(i: OverdrachtInzicht) {
  return { ...overdrachtDto(i), richting: i.richting, dossierLeesbaar: i.richting === 'inkomend' && dossierLeesbaar(i.overdracht.status) };
}

export function verwijzingDto(v: VerwijzingInzicht): VerwijzingDto {
  return {
    id: v.id,
    deelnemerId: v.deelnemerId,
    soort: v.soort,
    zender: v.zender,
    ontvanger: v.ontvanger,
    reden: v.reden,
    status: v.status,
    ...(v.eindreden ? { eindreden: v.eindreden } : {}),
    ...(v.afwijzingReden ? { afwijzingReden: v.afwijzingReden } : {}),
    aangemeldOp: v.aangemeldOp.toISOString(),
    bijgewerktOp: v.bijgewerktOp.toISOString(),
  };
}
