import { exchangeGebeurtenissenSchema } from '@ketenregie/exchange-contracts';
import { feedPagina, type FeedRij } from '@ketenregie/shared-kernel';
import { EXCHANGE_EVENT_SOURCE } from '@ketenregie/exchange-contracts';
import { feedData } from './exchange-feed.service';

const rij = (type: string, data: Record<string, unknown>, volgnummer = 1): FeedRij => ({
  id: '6f1c3d1e-6a43-4d41-9d2e-2b7f6f0b7a10',
  volgnummer,
  type,
  subject: 'overdracht/0b6f3c62-2f6b-4b63-8e3d-7b1d9c1f2a11',
  datum: '2026-03-02',
  tijd: new Date('2026-03-02T09:00:00Z'),
  data,
});

describe('the exchange feed for monitoring', () => {
  it('publishes codes and organisation ids only: a handover request’s free-text reason stays out, a rejection’s code goes as afwijzingReden', () => {
    const aanvraag = feedData(
      rij('nl.ketenregie.overdracht.aangevraagd', { status: 'aangevraagd', reden: 'Mevrouw J. heeft schulden', zender: 'a', ontvanger: 'b' }),
    );
    expect(aanvraag).toEqual({ status: 'aangevraagd', zender: 'a', ontvanger: 'b' });
    const afwijzing = feedData(rij('nl.ketenregie.overdracht.afgewezen', { status: 'afgewezen', reden: 'geen-capaciteit', zender: 'a', ontvanger: 'b' }));
    expect(afwijzing).toEqual({ status: 'afgewezen', afwijzingReden: 'geen-capaciteit', zender: 'a', ontvanger: 'b' });
    const verwijzing = feedData(rij('nl.ketenregie.verwijzing.status-gewijzigd', { status: 'beeindigd', eindreden: 'verhuisd', zender: 'a', ontvanger: 'c' }));
    expect(verwijzing).toEqual({ status: 'beeindigd', eindreden: 'verhuisd', zender: 'a', ontvanger: 'c' });
  });

  it('builds a page its contract accepts, and refuses a page whose data carries anything else', () => {
    const pagina = feedPagina(
      EXCHANGE_EVENT_SOURCE,
      [rij('nl.ketenregie.overdracht.geaccepteerd', { status: 'geaccepteerd', zender: 'a', ontvanger: 'b' }, 7)],
      0,
      feedData,
    );
    expect(exchangeGebeurtenissenSchema.parse(pagina).laatste).toBe(7);
    const metTekst = { ...pagina, gebeurtenissen: pagina.gebeurtenissen.map((e) => ({ ...e, data: { ...e.data, reden: 'vrije tekst' } })) };
    expect(exchangeGebeurtenissenSchema.safeParse(metTekst).success).toBe(false);
  });
});
