import { MAATWERKTRAJECT_DEN_BOSCH_V1, startTraject, trajectOverzicht } from '@ketenregie/traject-domain';
import {
  deelnemerAanmakenSchema,
  metDatum,
  OPDRACHT_SCHEMAS,
  OPDRACHT_SUBRESOURCES,
  trajectOpdrachtSchema,
  trajectStartenSchema,
  trajectWorkflowId,
} from './index';

describe('workflow id', () => {
  it('is derived from an opaque traject id', () => {
    expect(trajectWorkflowId('4f0c9a7e-2b1d-4c1e-9f5a-0d6b7e8c9a10')).toBe('traject-4f0c9a7e-2b1d-4c1e-9f5a-0d6b7e8c9a10');
  });
  it('refuses anything that looks like a BSN or a name', () => {
    expect(() => trajectWorkflowId('123456782')).toThrow(TypeError);
    expect(() => trajectWorkflowId('Jan Jansen')).toThrow(TypeError);
    expect(() => trajectWorkflowId('')).toThrow(TypeError);
  });
});

describe('command schemas', () => {
  it('accepts a command without date and completes it with today', () => {
    const invoer = trajectOpdrachtSchema.parse({ soort: 'pauze', reden: 'opname' });
    expect(metDatum(invoer, '2027-03-01')).toEqual({ soort: 'pauze', reden: 'opname', datum: '2027-03-01' });
    expect(metDatum({ ...invoer, datum: '2027-02-27' }, '2027-03-01').datum).toBe('2027-02-27');
  });

  it('rejects unknown commands, unknown reasons and bad dates', () => {
    expect(trajectOpdrachtSchema.safeParse({ soort: 'sluit-alles' }).success).toBe(false);
    expect(trajectOpdrachtSchema.safeParse({ soort: 'uitval', reden: 'geen-zin' }).success).toBe(false);
    expect(trajectOpdrachtSchema.safeParse({ soort: 'hervatting', datum: '2027-02-30' }).success).toBe(false);
  });

  it('validates instrument scores: ZRM 1–5 on known domains, GAS −2…+2, rungs 1–6', () => {
    const scorer = { rol: 'coach', professionalId: 'c1' };
    const ok = {
      soort: 'meting',
      metingen: [
        { instrument: 'zrm', relevanteDomeinen: ['financien'], scores: { financien: 3 }, datum: '2027-03-01', scorer, instrumentVersie: 'zrm-2017' },
        { instrument: 'gas', doelId: 'g1', waarde: -2, datum: '2027-03-01', scorer, instrumentVersie: 'gas-5' },
        { instrument: 'participatieladder', trede: 6, datum: '2027-03-01', scorer, instrumentVersie: 'participatieladder-6' },
      ],
    };
    expect(trajectOpdrachtSchema.safeParse(ok).success).toBe(true);
    const bad = (m: object) =>
      trajectOpdrachtSchema.safeParse({ soort: 'meting', metingen: [{ datum: '2027-03-01', scorer, instrumentVersie: 'x', ...m }] }).success;
    expect(bad({ instrument: 'zrm', relevanteDomeinen: ['financien'], scores: { financien: 0 } })).toBe(false);
    expect(bad({ instrument: 'zrm', relevanteDomeinen: ['geluk'], scores: {} })).toBe(false);
    expect(bad({ instrument: 'gas', doelId: 'g1', waarde: 3 })).toBe(false);
    expect(bad({ instrument: 'participatieladder', trede: 7 })).toBe(false);
  });

  it('caps GAS goals at five in the plan', () => {
    const niveaus = { '-2': 'a', '-1': 'b', '0': 'c', '1': 'd', '2': 'e' };
    const plan = (n: number) => ({
      soort: 'plan',
      plan: {
        grow: { goal: 'g', reality: 'r', options: 'o', will: 'w' },
        doelen: [{ id: 'd1', omschrijving: 'x', smart: { specifiek: 's', meetbaar: 'm', actiegericht: 'a', realistisch: 'r', tijdgebonden: '2027-12-01' } }],
        gasDoelen: Array.from({ length: n }, (_, i) => ({ id: `g${i}`, omschrijving: 'x', niveaus })),
      },
    });
    expect(trajectOpdrachtSchema.safeParse(plan(5)).success).toBe(true);
    expect(trajectOpdrachtSchema.safeParse(plan(6)).success).toBe(false);
  });

  it('maps every sub-resource to a known command schema', () => {
    for (const soort of Object.values(OPDRACHT_SUBRESOURCES)) expect(OPDRACHT_SCHEMAS[soort]).toBeDefined();
    expect(OPDRACHT_SUBRESOURCES.contactmomenten).toBe('contactmoment');
    expect(OPDRACHT_SUBRESOURCES.evaluaties).toBe('evaluatie');
  });
});

describe('deelnemer and traject DTOs', () => {
  const deelnemer = { bsn: '111222333', voornamen: 'A', achternaam: 'B', geboortedatum: '1980-05-01' };
  it('accepts an elfproef-valid BSN and rejects an invalid one with a clear message', () => {
    expect(deelnemerAanmakenSchema.safeParse(deelnemer).success).toBe(true);
    const r = deelnemerAanmakenSchema.safeParse({ ...deelnemer, bsn: '123456789' });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]).toEqual(expect.objectContaining({ path: ['bsn'], message: 'BSN must be 9 digits and pass the elfproef' }));
  });
  it('validates Dutch postcodes and opaque ids when starting a traject', () => {
    expect(
      deelnemerAanmakenSchema.safeParse({ ...deelnemer, contact: { adres: { straat: 's', huisnummer: '1', postcode: '0123 AB', woonplaats: 'x' } } }).success,
    ).toBe(false);
    const start = { deelnemerId: 'd-1', programmaCode: 'fip', regie: { regievoerderId: 'km-1', organisatieId: 'gem' }, aanmeldreden: 'activering' };
    expect(trajectStartenSchema.safeParse(start).success).toBe(true);
    expect(trajectStartenSchema.safeParse({ ...start, deelnemerId: '111222333 Jansen' }).success).toBe(false);
  });
  it('takes a token subject as the regievoerder and coach, so their tasks reach them', () => {
    const start = {
      deelnemerId: 'd-1',
      programmaCode: 'fip',
      regie: { regievoerderId: 'dev:gemeente-dommeldal:klantmanager', organisatieId: 'gemeente-dommeldal' },
      aanmeldreden: 'activering',
    };
    expect(trajectStartenSchema.safeParse({ ...start, coach: { coachId: 'dev:werkbrug-dommeldal:coach', organisatieId: 'werkbrug-dommeldal' } }).success).toBe(
      true,
    );
    expect(trajectStartenSchema.safeParse({ ...start, coach: { coachId: 'Jan Jansen', organisatieId: 'werkbrug-dommeldal' } }).success).toBe(false);
    expect(trajectStartenSchema.safeParse({ ...start, regie: { regievoerderId: 'dev:x', organisatieId: 'gem:x' } }).success).toBe(false);
  });
});

describe('overview', () => {
  it('shows phase, status, next deadline, lead and version', () => {
    const { state } = startTraject(
      {
        trajectId: 'tr-9',
        datum: '2027-01-04',
        regie: { regievoerderId: 'km-1', organisatieId: 'gem' },
        coach: { coachId: 'c1', organisatieId: 'uv' },
        aanmeldreden: 'activering',
      },
      MAATWERKTRAJECT_DEN_BOSCH_V1,
      '2027-01-04',
    );
    const o = trajectOverzicht(state);
    expect(o).toEqual(
      expect.objectContaining({
        trajectId: 'tr-9',
        fase: 'contact-leggen',
        status: 'actief',
        regie: { regievoerderId: 'km-1', organisatieId: 'gem' },
        volgendeTermijn: expect.objectContaining({ soort: 'eerste-contact', vervalt: '2027-01-11', voor: 'coach', verlopen: false }),
        evaluaties: 0,
        versie: state.tijdlijn.at(-1)?.nr,
      }),
    );
  });
});
