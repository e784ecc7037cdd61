import { geefToestemming, huidigeStatus, markeerVerlopen, type NieuweToestemming, statusOp, trekIn, vervang } from './toestemming';

const OP = new Date('2026-03-02T09:00:00.000Z');
const invoer: NieuweToestemming = {
  id: 't-1',
  deelnemerId: 'd-1',
  verlener: { soort: 'deelnemer' },
  doel: 'verwijzing-ggz',
  categorieen: ['contact', 'gezondheid'],
  bronnen: [{ soort: 'type', type: 'gemeente' }],
  ontvangers: [{ soort: 'type', type: 'ggz' }],
  geldigTot: new Date('2027-03-02T00:00:00.000Z'),
  bewijs: { soort: 'mondeling-met-getuige', getuige: 'mw-2', notitie: 'in gesprek op locatie' },
  vastgelegdDoor: 'mw-1',
};
const later = (ms: number) => new Date(OP.getTime() + ms);

describe('consent lifecycle', () => {
  it('records a given consent valid from the moment it is recorded', () => {
    const t = geefToestemming(invoer, OP);
    expect(t.geldigVanaf).toEqual(OP);
    expect(t.historie).toEqual([{ status: 'gegeven', op: OP, door: 'mw-1' }]);
    expect(statusOp(t, new Date(OP.getTime() - 1))).toBe('niet-gegeven');
    expect(statusOp(t, OP)).toBe('geldig');
  });

  it('may start in the future but never in the past', () => {
    const toekomst = geefToestemming({ ...invoer, geldigVanaf: later(1000) }, OP);
    expect(statusOp(toekomst, later(500))).toBe('nog-niet-geldig');
    expect(() => geefToestemming({ ...invoer, geldigVanaf: later(-1) }, OP)).toThrow(
      expect.objectContaining({ code: 'CONSENT.BACKDATED', kind: 'validation' }),
    );
  });

  it('rejects an empty scope and a period that ends before it starts', () => {
    expect(() => geefToestemming({ ...invoer, categorieen: [] }, OP)).toThrow(expect.objectContaining({ code: 'CONSENT.SCOPE_EMPTY' }));
    expect(() => geefToestemming({ ...invoer, ontvangers: [] }, OP)).toThrow(expect.objectContaining({ code: 'CONSENT.SCOPE_EMPTY' }));
    expect(() => geefToestemming({ ...invoer, geldigTot: OP }, OP)).toThrow(expect.objectContaining({ code: 'CONSENT.PERIOD_INVALID' }));
  });

  it('keeps a mentor to non-financial matters', () => {
    const mentor = { soort: 'wettelijk-vertegenwoordiger', hoedanigheid: 'mentor', vertegenwoordiger: 'p-3' } as const;
    expect(geefToestemming({ ...invoer, verlener: mentor }, OP).categorieen).toEqual(['contact', 'gezondheid']);
    expect(() => geefToestemming({ ...invoer, verlener: mentor, categorieen: ['uitkering'] }, OP)).toThrow(
      expect.objectContaining({ code: 'CONSENT.GRANTOR_NOT_COMPETENT' }),
    );
  });

  it('withdraws immediately and refuses a withdrawal dated before the last event', () => {
    const t = geefToestemming(invoer, OP);
    expect(() => trekIn(t, later(-1), 'mw-1')).toThrow(expect.objectContaining({ code: 'CONSENT.BACKDATED' }));
    const ingetrokken = trekIn(t, later(60_000), 'mw-1');
    expect(huidigeStatus(ingetrokken)).toBe('ingetrokken');
    expect(statusOp(ingetrokken, later(59_999))).toBe('geldig');
    expect(statusOp(ingetrokken, later(60_000))).toBe('ingetrokken');
    expect(() => trekIn(ingetrokken, later(70_000), 'mw-1')).toThrow(expect.objectContaining({ code: 'CONSENT.NOT_ACTIVE', kind: 'precondition' }));
  });

  it('marks expiry only once the period has ended', () => {
    const t = geefToestemming(invoer, OP);
    expect(() => markeerVerlopen(t, later(1000))).toThrow(expect.objectContaining({ code: 'CONSENT.NOT_EXPIRED' }));
    const verlopen = markeerVerlopen(t, invoer.geldigTot);
    expect(huidigeStatus(verlopen)).toBe('verlopen');
    expect(() => trekIn(verlopen, invoer.geldigTot, 'mw-1')).toThrow(expect.objectContaining({ code: 'CONSENT.NOT_ACTIVE' }));
  });

  it('supersedes only with a consent for the same deelnemer and purpose', () => {
    const t = geefToestemming(invoer, OP);
    expect(() => vervang(t, { ...invoer, id: 't-2', doel: 'bemiddeling-werk' }, later(1))).toThrow(
      expect.objectContaining({ code: 'CONSENT.SUPERSEDE_MISMATCH' }),
    );
    const { oud, nieuw } = vervang(t, { ...invoer, id: 't-2' }, later(1));
    expect(statusOp(oud, later(1))).toBe('vervangen');
    expect(oud.historie[1]).toMatchObject({ status: 'vervangen', vervangenDoor: 't-2' });
    expect(statusOp(nieuw, later(1))).toBe('geldig');
  });
});
