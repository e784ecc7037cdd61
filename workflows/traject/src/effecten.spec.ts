import type { TrajectActie } from '@ketenregie/traject-contracts';
import { naarActiviteit } from './effecten';

describe('traject actions as activity calls', () => {
  const wf = 'traject-tr-1';
  it('derives the idempotency key from workflow id and action id', () => {
    const a: TrajectActie = { soort: 'taak', id: 'a7', termijnId: 't3', taak: 'huisbezoek', voor: 'coach', toegewezenAan: 'c1', vervalt: '2027-01-20' };
    expect(naarActiviteit(wf, 'tr-1', a)).toEqual({
      naam: 'createTask',
      invoer: { sleutel: 'traject-tr-1:a7', trajectId: 'tr-1', termijnId: 't3', taak: 'huisbezoek', voor: 'coach', toegewezenAan: 'c1', vervalt: '2027-01-20' },
    });
  });

  it.each([
    [{ soort: 'termijn-verlopen', id: 'a1', termijnId: 't1', taak: 'evaluatie', toegewezenAan: 'c1', vervalt: '2027-04-01' }, 'signalOverdue'],
    [{ soort: 'escalatie', id: 'a2', termijnId: 't1', taak: 'evaluatie', regievoerderId: 'km', vervalt: '2027-04-01' }, 'escalate'],
    [{ soort: 'taak-afgerond', id: 'a3', termijnId: 't1' }, 'closeTask'],
    [{ soort: 'taken-overdragen', id: 'a4', rol: 'coach', van: 'c1', naar: 'c2' }, 'transferTasks'],
    [{ soort: 'melding', id: 'a5', aan: 'km', onderwerp: 'uitval' }, 'notify'],
  ] as [TrajectActie, string][])('%o → %s', (actie, naam) => {
    const r = naarActiviteit(wf, 'tr-1', actie);
    expect(r.naam).toBe(naam);
    expect(r.invoer).toEqual(expect.objectContaining({ sleutel: `${wf}:${actie.id}`, trajectId: 'tr-1' }));
  });
});
