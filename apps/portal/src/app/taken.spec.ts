import { opVolgorde, type Taak } from './taken';

const taak = (termijnId: string, vervalt: string, status: Taak['status']): Taak => ({
  trajectId: 't',
  termijnId,
  soort: 'contactpoging',
  voor: 'coach',
  toegewezenAan: 'c1',
  vervalt,
  status,
});

describe('the order of my tasks', () => {
  it('puts overdue tasks first, then the earliest deadline', () => {
    const volgorde = opVolgorde([
      taak('a', '2026-12-01', 'open'),
      taak('b', '2026-12-20', 'verlopen'),
      taak('c', '2026-11-30', 'open'),
      taak('d', '2026-12-02', 'verlopen'),
    ]);
    expect(volgorde.map((t) => t.termijnId)).toEqual(['d', 'b', 'c', 'a']);
  });
});
