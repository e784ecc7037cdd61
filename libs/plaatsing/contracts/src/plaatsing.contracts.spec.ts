import { plaatsingOpdrachtSchema, metDatum, vacatureInvoerSchema, voordrachtSchema } from './index';

const profiel = { roepnaam: 'Sam', werkervaring: ['magazijn'] };
const voordracht = {
  trajectId: '7f3c2a9e-4b1d-4c8e-9a6f-2d5b8e1c0f47',
  jobcoach: { organisatieId: 'org-jobcoach', professional: 'jc-1' },
  profiel,
};

describe('plaatsing contracts', () => {
  it('accept a vacancy with hours and tasks, and refuse one without tasks or with unknown fields', () => {
    const vacature = { titel: 'Orderpicker', urenPerWeek: 24, taken: ['orders verzamelen'] };
    expect(vacatureInvoerSchema.parse(vacature)).toMatchObject({ competenties: [], ondersteuning: [] });
    expect(vacatureInvoerSchema.safeParse({ ...vacature, taken: [] }).success).toBe(false);
    expect(vacatureInvoerSchema.safeParse({ ...vacature, urenPerWeek: 41 }).success).toBe(false);
    expect(vacatureInvoerSchema.safeParse({ ...vacature, werkgeverId: 'org-ander' }).success).toBe(false);
  });

  it('let a proposal leave the limitations out entirely, and refuse limitations it does not know', () => {
    expect(voordrachtSchema.safeParse(voordracht).success).toBe(true);
    expect(voordrachtSchema.safeParse({ ...voordracht, profiel: { ...profiel, beperkingen: { diagnose: 'x' } } }).success).toBe(false);
    expect(voordrachtSchema.safeParse({ ...voordracht, deelnemerId: voordracht.trajectId }).success).toBe(false);
  });

  it('take one coded command at a time and fill in today when no date is given', () => {
    const uitval = plaatsingOpdrachtSchema.parse({ soort: 'checkin', signaal: 'zorg' });
    expect(metDatum(uitval, '2026-12-07')).toEqual({ soort: 'checkin', signaal: 'zorg', datum: '2026-12-07' });
    expect(plaatsingOpdrachtSchema.safeParse({ soort: 'uitval', reden: 'zomaar' }).success).toBe(false);
    expect(plaatsingOpdrachtSchema.safeParse({ soort: 'ontslag' }).success).toBe(false);
  });
});
