import { addDays, addWorkingDays, nextWorkingDay } from '@ketenregie/shared-kernel';
import type { BesluitUitkomst } from './besluit';
import { NIEUWE_OVERDRACHT, type OverdrachtToestand } from './overdracht';
import { STANDAARD_INSTELLINGEN as i } from './termijnen';
import {
  afsluiting,
  besluitGevolg,
  dossierGeleverd,
  GEEN_BEWAKING,
  momentVerstreken,
  nieuweBewaking,
  slotMelding,
  type TermijnBewaking,
  volgendeCheckin,
  volgendMoment,
} from './verloop';

const MAANDAG = '2027-01-04';

/** Runs a term's moments as the workflow does when nobody answers, collecting what is recorded and done. */
function zonderAntwoord(b: TermijnBewaking) {
  const gebeurd: string[] = [];
  for (let m = volgendMoment(b, i); m; m = volgendMoment(b, i)) {
    const gevolg = momentVerstreken(b, m.wat);
    gebeurd.push(
      `${m.op} ${m.wat}${gevolg.melding ? ` ${gevolg.melding.gebeurtenis} ${gevolg.melding.taak?.voor}:${gevolg.melding.taak?.soort}` : ''}${gevolg.stap ? ` ${gevolg.stap.soort}` : ''}`,
    );
    if (gevolg.stap) break;
    b = gevolg.bewaking;
  }
  return gebeurd;
}

describe('the handover run (verloop)', () => {
  it('an acceptance term: the receiver is reminded, the regievoerder escalated to, then the receiver counts as unreachable, all on working days', () => {
    const b = nieuweBewaking('acceptatie', MAANDAG, i);
    const uiterlijk = addWorkingDays(MAANDAG, 5);
    expect(b.termijn).toMatchObject({ soort: 'acceptatie', uiterlijk });
    expect(zonderAntwoord(b)).toEqual([
      `${addWorkingDays(uiterlijk, -1)} herinnering acceptatie-herinnering ontvanger:acceptatie-herinnering`,
      `${nextWorkingDay(uiterlijk)} escalatie acceptatie-geescaleerd regievoerder:acceptatie-escalatie`,
      `${addWorkingDays(nextWorkingDay(uiterlijk), 5)} onbereikbaar ontvanger-onbereikbaar`,
    ]);
    expect(momentVerstreken(b, 'herinnering').melding?.taak?.vervalt).toBe(uiterlijk);
  });

  it('a consent term: the sender is reminded and the regievoerder escalated to, then it waits for the sender without end', () => {
    const b = nieuweBewaking('toestemming', MAANDAG, i);
    const uiterlijk = addWorkingDays(MAANDAG, 10);
    expect(zonderAntwoord(b)).toEqual([
      `${addWorkingDays(uiterlijk, -2)} herinnering toestemming-herinnering zender:toestemming-herinnering`,
      `${nextWorkingDay(uiterlijk)} escalatie toestemming-geescaleerd regievoerder:toestemming-escalatie`,
    ]);
  });

  it('nothing is due without a running term (before the decision, after the acceptance)', () => {
    expect(volgendMoment(GEEN_BEWAKING, i)).toBeUndefined();
    expect(volgendMoment({ ...nieuweBewaking('acceptatie', MAANDAG, i), termijn: undefined }, i)).toBeUndefined();
  });

  it('a decision that needs consent starts the consent term with a task for the sender on the first decision only', () => {
    const besluit: BesluitUitkomst = { besluitId: 'b', uitkomst: 'toestemming-nodig', vrijgaven: [], toestemmingen: [], ontbrekend: ['gezondheid', 'zrm'] };
    const eerste = besluitGevolg('aangevraagd', besluit, MAANDAG, i);
    expect(eerste).toMatchObject({
      soort: 'toestemming-nodig',
      stap: { soort: 'besluit', uitkomst: 'toestemming-nodig' },
      bewaking: { termijn: { soort: 'toestemming', uiterlijk: addWorkingDays(MAANDAG, 10) } },
      melding: {
        gebeurtenis: 'toestemming-nodig',
        taak: { voor: 'zender', soort: 'toestemming-verkrijgen', vervalt: addWorkingDays(MAANDAG, 10) },
        gegevens: { ontbrekend: 'gezondheid,zrm' },
      },
    });
    expect(besluitGevolg('toestemming-gevraagd', besluit, MAANDAG, i)).toEqual({
      soort: 'toestemming-nodig',
      stap: { soort: 'besluit', uitkomst: 'toestemming-nodig' },
    });
  });

  it('a decision that permits delivers after registering with the consents it rests on; the delivery starts the acceptance term', () => {
    const besluit: BesluitUitkomst = {
      besluitId: 'b',
      uitkomst: 'toegestaan',
      vrijgaven: [{ categorie: 'contact', velden: ['telefoon'] }],
      toestemmingen: ['t1'],
      ontbrekend: [],
    };
    expect(besluitGevolg('toestemming-nodig', besluit, MAANDAG, i)).toEqual({ soort: 'leveren', afhankelijkVan: ['t1'] });
    const geleverd = dossierGeleverd(['contact', 'zrm'], MAANDAG, i);
    expect(geleverd).toMatchObject({
      stap: { soort: 'dossier-geleverd', op: MAANDAG },
      bewaking: { termijn: { soort: 'acceptatie' }, herinneringVerstuurd: false, geescaleerd: false },
      melding: { gebeurtenis: 'dossier-geleverd', taak: { voor: 'ontvanger', soort: 'acceptatie-herinnering' }, gegevens: { categorieen: 'contact,zrm' } },
    });
  });

  it('a permitted decision that releases no field ends the handover without delivering anything', () => {
    const besluit: BesluitUitkomst = { besluitId: 'b', uitkomst: 'toegestaan', vrijgaven: [], toestemmingen: [], ontbrekend: [] };
    expect(besluitGevolg('aangevraagd', besluit, MAANDAG, i)).toEqual({ soort: 'niets-vrijgegeven', stap: { soort: 'niets-vrijgegeven' } });
  });

  it('check-ins 2 and 6 weeks after the driegesprek, then the lead transfers', () => {
    const gehouden: OverdrachtToestand = { ...NIEUWE_OVERDRACHT, status: 'nazorg-volgperiode', driegesprekGehoudenOp: MAANDAG };
    expect(volgendeCheckin(gehouden, MAANDAG, i)).toEqual({ checkin: addDays(MAANDAG, 14) });
    expect(volgendeCheckin({ ...gehouden, checkins: [addDays(MAANDAG, 14)] }, MAANDAG, i)).toEqual({ checkin: addDays(MAANDAG, 42) });
    expect(volgendeCheckin({ ...gehouden, checkins: [addDays(MAANDAG, 14), addDays(MAANDAG, 42)] }, '2027-02-15', i)).toEqual({
      stap: { soort: 'regie-overgedragen', op: '2027-02-15' },
    });
  });

  it('closing: a dossier still with the receiver is withdrawn with the reason of the end, unless the lead transferred', () => {
    const in_ = (status: OverdrachtToestand['status']): OverdrachtToestand => ({ ...NIEUWE_OVERDRACHT, status });
    expect(afsluiting(in_('toestemming-verlopen'), true, undefined, 'ggz').intrekking).toMatchObject({
      reden: 'toestemming-verlopen',
      melding: { gebeurtenis: 'dossier-ingetrokken', taak: { voor: 'ontvanger', soort: 'overdracht-beeindigd' }, gegevens: { reden: 'toestemming-verlopen' } },
    });
    expect(afsluiting(in_('geannuleerd'), true, undefined, 'ggz').intrekking?.reden).toBe('beeindigd');
    expect(afsluiting(in_('geannuleerd'), false, undefined, 'ggz')).toEqual({});
    expect(afsluiting(in_('regie-overgedragen'), true, 'b-7', 'ggz')).toEqual({ nieuweRegie: { regievoerderId: 'b-7', organisatieId: 'ggz' } });
  });

  it('the last record names the end and its reason, or the new lead and whether the traject took it', () => {
    const geannuleerd: OverdrachtToestand = { ...NIEUWE_OVERDRACHT, status: 'geannuleerd' };
    expect(slotMelding(geannuleerd, { metTraject: true, reden: 'situatie-gewijzigd' })).toEqual({
      gebeurtenis: 'beeindigd',
      taak: { voor: 'regievoerder', soort: 'overdracht-beeindigd' },
      gegevens: { status: 'geannuleerd', reden: 'situatie-gewijzigd' },
    });
    const over: OverdrachtToestand = { ...NIEUWE_OVERDRACHT, status: 'regie-overgedragen' };
    expect(slotMelding(over, { metTraject: true, nieuweRegie: { organisatieId: 'ggz' }, trajectBijgewerkt: true })).toEqual({
      gebeurtenis: 'regie-overgedragen',
      gegevens: { organisatie: 'ggz', trajectBijgewerkt: true },
    });
    expect(slotMelding(over, { metTraject: true, nieuweRegie: { organisatieId: 'ggz' }, trajectBijgewerkt: false }).taak).toEqual({
      voor: 'regievoerder',
      soort: 'overdracht-beeindigd',
    });
  });
});
