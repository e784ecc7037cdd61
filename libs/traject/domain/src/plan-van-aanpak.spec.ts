import { isDomainError } from '@ketenregie/shared-kernel';
import { type GasDoel, type PlanInvoer, valideerPlan } from './plan-van-aanpak';
import { geldigPlan } from './testing/fixtures';

function fout(plan: PlanInvoer, maxGasDoelen = 5) {
  try {
    valideerPlan(plan, { maxGasDoelen, vandaag: '2027-02-15' });
    return undefined;
  } catch (e) {
    if (!isDomainError(e)) throw e;
    return { code: e.code, fields: e.fields ?? {} };
  }
}

const gasDoel = (id: string): GasDoel => ({ id, omschrijving: 'x', niveaus: { '-2': 'a', '-1': 'b', '0': 'c', '1': 'd', '2': 'e' } });

describe('plan van aanpak', () => {
  it('accepts a complete GROW/SMART plan with signature', () => {
    expect(fout(geldigPlan('2027-02-15'))).toBeUndefined();
  });

  it('requires GROW, at least one goal and every SMART field', () => {
    const plan = { ...geldigPlan('2027-02-15'), grow: { goal: '', reality: 'r', options: 'o', will: ' ' }, doelen: [] };
    const f = fout(plan);
    expect(f?.code).toBe('TRAJECT.PLAN_INVALID');
    expect(Object.keys(f?.fields ?? {}).sort()).toEqual(['doelen', 'grow.goal', 'grow.will']);
    const smart = geldigPlan('2027-02-15');
    const zonderMeetbaar = { ...smart, doelen: [{ ...smart.doelen[0], smart: { ...smart.doelen[0].smart, meetbaar: '' } }] };
    expect(fout(zonderMeetbaar)?.fields).toEqual({ 'doelen.0.smart.meetbaar': 'required (SMART)' });
  });

  it('rejects target dates in the past and signatures in the future', () => {
    const p = geldigPlan('2027-02-15');
    expect(fout({ ...p, doelen: [{ ...p.doelen[0], smart: { ...p.doelen[0].smart, tijdgebonden: '2027-02-14' } }] })?.fields).toHaveProperty([
      'doelen.0.smart.tijdgebonden',
    ]);
    expect(fout({ ...p, ondertekening: { datum: '2027-02-16', door: 'deelnemer' } })?.fields).toHaveProperty(['ondertekening.datum']);
  });

  it('allows up to five GAS goals, each with all five levels described', () => {
    const p = geldigPlan('2027-02-15');
    expect(fout({ ...p, gasDoelen: ['a', 'b', 'c', 'd', 'e'].map(gasDoel) })).toBeUndefined();
    expect(fout({ ...p, gasDoelen: ['a', 'b', 'c', 'd', 'e', 'f'].map(gasDoel) })?.code).toBe('TRAJECT.GAS_LIMIT_EXCEEDED');
    expect(fout({ ...p, gasDoelen: [gasDoel('a')] }, 0)?.code).toBe('TRAJECT.GAS_LIMIT_EXCEEDED');
    const onvolledig = { ...gasDoel('a'), niveaus: { ...gasDoel('a').niveaus, '-1': '' } };
    expect(fout({ ...p, gasDoelen: [onvolledig] })?.fields).toEqual({ 'gasDoelen.0.niveaus.-1': 'describe every level' });
  });

  it('requires unique ids across goals and GAS goals', () => {
    const p = geldigPlan('2027-02-15');
    expect(fout({ ...p, gasDoelen: [gasDoel(p.doelen[0].id)] })?.fields).toHaveProperty(['gasDoelen.0.id']);
  });
});
