import { isDomainError } from '@ketenregie/shared-kernel';
import { controleerVacature } from './vacature';
import { controleerWerkgever, vervangContactpersoon } from './werkgever';

describe('werkgever and vacature', () => {
  const w = {
    organisatieId: 'bakkerij',
    contactpersoon: { naam: ' Ria ', telefoon: '040-1111111' },
    plaatsvervanger: { naam: 'Kees', telefoon: '040-2222222' },
  };

  it('trims and keeps a valid profile; the deputy takes over when the contact leaves', () => {
    const ok = controleerWerkgever(w);
    expect(ok.contactpersoon.naam).toBe('Ria');
    expect(vervangContactpersoon(ok)).toEqual({ organisatieId: 'bakkerij', contactpersoon: w.plaatsvervanger });
    expect(vervangContactpersoon({ ...ok, plaatsvervanger: undefined })).toBeUndefined();
  });

  it('refuses a deputy who is the contact person, naming the field', () => {
    try {
      controleerWerkgever({ ...w, plaatsvervanger: { naam: 'Ria', telefoon: '040-1111111' } });
      throw new Error('accepted');
    } catch (e) {
      expect(isDomainError(e) && e.fields).toEqual({ plaatsvervanger: expect.any(String) });
    }
  });

  it('refuses a vacancy without tasks or with impossible hours', () => {
    const v = {
      id: 'v',
      werkgeverId: 'bakkerij',
      titel: 'Inpakker',
      urenPerWeek: 50,
      taken: [' '],
      competenties: [],
      ondersteuning: [],
      status: 'open' as const,
    };
    try {
      controleerVacature(v);
      throw new Error('accepted');
    } catch (e) {
      expect(isDomainError(e) && Object.keys(e.fields ?? {}).sort()).toEqual(['taken', 'urenPerWeek']);
    }
  });
});
