import type { TijdlijnGebeurtenis, TrajectOverzicht, UitkomstVerwerken } from '@ketenregie/traject-contracts';
import { TrajectActiviteitenService } from './traject-activiteiten.service';
import type { BewaartermijnKlok, TakenOpslag, TrajectOpslag } from './traject.ports';

const DEELNEMER = '6f0c1b1e-2d7a-4c59-9d7e-0a1b2c3d4e5f';

function opzet() {
  const trajecten = {
    werkOverzichtBij: jest.fn().mockResolvedValue(undefined),
    legTijdlijnVast: jest.fn().mockResolvedValue(undefined),
    vind: jest.fn().mockResolvedValue({ id: 't1', deelnemerId: DEELNEMER, programmaCode: 'p', programmaVersie: 1, workflowId: 'traject-t1' }),
    aanmelderVan: jest.fn().mockResolvedValue('gemeente-zaanstad'),
  };
  const klok = { trajectGestart: jest.fn().mockResolvedValue(undefined), trajectBeeindigd: jest.fn().mockResolvedValue(undefined) };
  const service = new TrajectActiviteitenService(trajecten as unknown as TrajectOpslag, {} as TakenOpslag, undefined, klok as BewaartermijnKlok);
  return { service, klok };
}

const uitkomst = (status: TrajectOverzicht['status'], ...soorten: TijdlijnGebeurtenis['soort'][]): UitkomstVerwerken => ({
  trajectId: 't1',
  overzicht: { trajectId: 't1', status, regie: { regievoerderId: 'km', organisatieId: 'uitvoerder-1' } } as TrajectOverzicht,
  gebeurtenissen: soorten.map((soort, nr) => ({ nr, datum: '2027-03-0' + (nr + 1), soort, fase: 'aanmelding', gegevens: {} }) as TijdlijnGebeurtenis),
  effecten: [],
});

describe('the retention clock after an outcome', () => {
  it('starts the retention period when a traject ends, from its end date, for the gemeente that started it', async () => {
    const { service, klok } = opzet();
    await service.applyOutcome(uitkomst('uitgevallen', 'evaluatie', 'uitgevallen'));
    expect(klok.trajectBeeindigd).toHaveBeenCalledWith({ deelnemerId: DEELNEMER, trajectId: 't1', einddatum: '2027-03-02', gemeente: 'gemeente-zaanstad' });
    expect(klok.trajectGestart).not.toHaveBeenCalled();
  });

  it('stops it when a traject of the deelnemer starts or reopens', async () => {
    const { service, klok } = opzet();
    await service.applyOutcome(uitkomst('actief', 'aangemeld'));
    await service.applyOutcome(uitkomst('actief', 'heropend'));
    expect(klok.trajectGestart).toHaveBeenCalledTimes(2);
    expect(klok.trajectGestart).toHaveBeenCalledWith({ deelnemerId: DEELNEMER, trajectId: 't1' });
    expect(klok.trajectBeeindigd).not.toHaveBeenCalled();
  });

  it('tells nothing for an ordinary step', async () => {
    const { service, klok } = opzet();
    await service.applyOutcome(uitkomst('actief', 'contactmoment', 'meting'));
    expect(klok.trajectGestart).not.toHaveBeenCalled();
    expect(klok.trajectBeeindigd).not.toHaveBeenCalled();
  });
});
