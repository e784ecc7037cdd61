import { gepubliceerdeFeiten, type PublicatieStand } from './publicatie';
import type { TijdlijnGebeurtenis } from './traject';

const stand: PublicatieStand = {
  trajectId: '00000000-0000-4000-8000-000000000001',
  programma: { code: 'werkfit', versie: 1 },
  regie: { regievoerderId: 'km-1', organisatieId: 'gemeente-a' },
  coach: { coachId: 'coach-7', organisatieId: 'werkbrug' },
  voortgang: { ladder: { eerste: 2, laatste: 3, verschil: 1, eersteDatum: '2026-01-05', laatsteDatum: '2026-06-01' }, zrm: {}, gas: {} },
};
const g = (nr: number, soort: TijdlijnGebeurtenis['soort'], gegevens: TijdlijnGebeurtenis['gegevens']): TijdlijnGebeurtenis => ({
  nr,
  datum: '2026-06-01',
  soort,
  fase: 'uitvoering',
  gegevens,
});

describe('published traject facts', () => {
  it('publishes only the coded details of the listed kinds, with programme, organisations and coach', () => {
    const feiten = gepubliceerdeFeiten(stand, [
      g(1, 'uitgevallen', { reden: 'verhuisd', doorSub: 'km-1', doorOrganisatie: 'gemeente-a' }),
      g(2, 'contactmoment', { vorm: 'gesprek' }),
      g(3, 'meting', { instrumenten: 'participatieladder', meetmoment: 'T1' }),
    ]);
    expect(feiten).toEqual([
      {
        sleutel: `${stand.trajectId}:1`,
        soort: 'uitgevallen',
        trajectId: stand.trajectId,
        datum: '2026-06-01',
        data: { programma: 'werkfit', regieOrganisatie: 'gemeente-a', coachOrganisatie: 'werkbrug', coach: 'coach-7', reden: 'verhuisd' },
      },
      {
        sleutel: `${stand.trajectId}:3`,
        soort: 'meting',
        trajectId: stand.trajectId,
        datum: '2026-06-01',
        data: {
          programma: 'werkfit',
          regieOrganisatie: 'gemeente-a',
          coachOrganisatie: 'werkbrug',
          coach: 'coach-7',
          meetmoment: 'T1',
          ladder: { eerste: 2, eersteDatum: '2026-01-05', laatste: 3, laatsteDatum: '2026-06-01' },
        },
      },
    ]);
  });
});
