import { besluitVerzoekSchema, intrekkingSchema, toestemmingAanvraagSchema, toestemmingWorkflowId, verwerkingMeldingSchema } from './index';

const deelnemerId = '7f3c2a9e-4b1d-4c8e-9a6f-2d5b8e1c0f47';
const aanvraag = {
  deelnemerId,
  verlener: { soort: 'deelnemer' },
  doel: 'verwijzing-ggz',
  categorieen: ['gezondheid'],
  bronnen: [{ soort: 'type', type: 'gemeente' }],
  ontvangers: [{ soort: 'organisatie', organisatie: 'org-ggz-oost' }],
  geldigTot: '2027-03-01T00:00:00.000Z',
  bewijs: { soort: 'ondertekend-formulier', documentId: 'doc-1' },
};

describe('consent contracts', () => {
  it('accept a complete consent and reject a BSN where an opaque id belongs', () => {
    expect(toestemmingAanvraagSchema.safeParse(aanvraag).success).toBe(true);
    expect(toestemmingAanvraagSchema.safeParse({ ...aanvraag, deelnemerId: '111222333' }).success).toBe(false);
    expect(toestemmingAanvraagSchema.safeParse({ ...aanvraag, categorieen: ['diagnose'] }).success).toBe(false);
  });

  it('do not let a client record who registered the consent or when', () => {
    expect(toestemmingAanvraagSchema.safeParse({ ...aanvraag, vastgelegdDoor: 'x' }).success).toBe(false);
  });

  it('refuse a withdrawal that tries to set its own effective date', () => {
    expect(intrekkingSchema.safeParse({ reden: 'wil niet meer' }).success).toBe(true);
    expect(intrekkingSchema.safeParse({ ingetrokkenOp: '2026-01-01T00:00:00.000Z' }).success).toBe(false);
  });

  it('take the source of a decision from the token, not the body', () => {
    const verzoek = { deelnemerId, ontvanger: { organisatie: 'org-ggz-oost', type: 'ggz' }, doel: 'verwijzing-ggz', categorieen: ['zrm'] };
    expect(besluitVerzoekSchema.safeParse(verzoek).success).toBe(true);
    expect(besluitVerzoekSchema.safeParse({ ...verzoek, bron: { organisatie: 'org-x', type: 'gemeente' } }).success).toBe(false);
  });

  it('require a disclosure report to name the decision and the recipient', () => {
    const melding = {
      traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
      spanId: '00f067aa0ba902b7',
      handeling: 'verstrekking',
      deelnemerId,
      doel: 'warme-overdracht',
      categorieen: ['contact'],
    };
    expect(verwerkingMeldingSchema.safeParse(melding).success).toBe(false);
    expect(
      verwerkingMeldingSchema.safeParse({ ...melding, besluitId: deelnemerId, ontvanger: { organisatie: 'org-senzer', type: 'uitvoerder' } }).success,
    ).toBe(true);
    expect(verwerkingMeldingSchema.safeParse({ ...melding, handeling: 'raadpleging', traceId: '0'.repeat(32) }).success).toBe(false);
  });

  it('accept a refused read without categories, and refuse a refused disclosure or a read that happened without any', () => {
    const lezing = { traceId: '4bf92f3577b34da6a3ce929d0e0e4736', spanId: '00f067aa0ba902b7', handeling: 'raadpleging', deelnemerId, doel: 'warme-overdracht' };
    expect(verwerkingMeldingSchema.safeParse({ ...lezing, status: 'geweigerd', categorieen: [] }).success).toBe(true);
    expect(verwerkingMeldingSchema.safeParse({ ...lezing, categorieen: [] }).success).toBe(false);
    expect(
      verwerkingMeldingSchema.safeParse({
        ...lezing,
        handeling: 'verstrekking',
        status: 'geweigerd',
        categorieen: [],
        besluitId: deelnemerId,
        ontvanger: { organisatie: 'x', type: 'ggz' },
      }).success,
    ).toBe(false);
    expect(verwerkingMeldingSchema.parse({ ...lezing, categorieen: ['contact'] }).status).toBe('ok');
  });

  it('build workflow ids from opaque ids only', () => {
    expect(toestemmingWorkflowId(deelnemerId)).toBe(`toestemming-${deelnemerId}`);
    expect(() => toestemmingWorkflowId('111222333')).toThrow(TypeError);
  });
});
