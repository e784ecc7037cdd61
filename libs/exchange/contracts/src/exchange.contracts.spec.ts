import { randomUUID } from 'node:crypto';
import { afwijzingSchema, cloudEventSchema, overdrachtAanvraagSchema, overdrachtWorkflowId } from './index';

describe('exchange contracts', () => {
  it('build workflow ids from opaque ids only', () => {
    const id = randomUUID();
    expect(overdrachtWorkflowId(id)).toBe(`overdracht-${id}`);
    expect(() => overdrachtWorkflowId('111222333')).toThrow(TypeError);
  });

  it('accept a handover request within a traject, refuse one without its traject or with a sender smuggled into the body', () => {
    const aanvraag = {
      deelnemerId: randomUUID(),
      trajectId: randomUUID(),
      ontvanger: { organisatie: 'org-ggz-oost', type: 'ggz' },
      reden: 'ggz-behandeling',
      overTeNemen: ['regie'],
      gegevens: { contact: { naam: 'J. Jansen' } },
    };
    expect(overdrachtAanvraagSchema.safeParse(aanvraag).success).toBe(true);
    expect(overdrachtAanvraagSchema.safeParse({ ...aanvraag, zender: { organisatie: 'x', type: 'gemeente' } }).success).toBe(false);
    expect(overdrachtAanvraagSchema.safeParse({ ...aanvraag, trajectId: undefined }).success).toBe(false);
  });

  it('refuse a BSN in the advice of a rejection', () => {
    expect(afwijzingSchema.safeParse({ reden: 'geen-capaciteit', advies: 'Probeer wijkteam Noord' }).success).toBe(true);
    expect(afwijzingSchema.safeParse({ reden: 'geen-capaciteit', advies: 'BSN 111222333 past niet' }).success).toBe(false);
  });

  it('describe events by reference with an opaque subject (NL GOV profile)', () => {
    const id = randomUUID();
    const event = {
      specversion: '1.0',
      id: randomUUID(),
      source: 'urn:nld:ketenregie:exchange-service',
      type: 'nl.ketenregie.overdracht.geaccepteerd',
      subject: `overdracht/${id}`,
      time: '2027-01-05T09:00:00.000Z',
      datacontenttype: 'application/json',
      dataref: `/api/v1/overdrachten/${id}`,
      sequence: '42',
      sequencetype: 'Integer',
      data: { status: 'geaccepteerd' },
    };
    expect(cloudEventSchema.safeParse(event).success).toBe(true);
    expect(cloudEventSchema.safeParse({ ...event, subject: 'deelnemer/J. Jansen' }).success).toBe(false);
  });
});
