import { terugkoppeling, volgendeVerwijzingStatus } from './verwijzing';

describe('verwijzing', () => {
  it('follows aangemeld → geaccepteerd → gestart → beeindigd with a coded end reason', () => {
    expect(volgendeVerwijzingStatus('aangemeld', { status: 'geaccepteerd' })).toBe('geaccepteerd');
    expect(volgendeVerwijzingStatus('geaccepteerd', { status: 'gestart' })).toBe('gestart');
    expect(volgendeVerwijzingStatus('gestart', { status: 'beeindigd', eindreden: 'doel-bereikt' })).toBe('beeindigd');
    expect(volgendeVerwijzingStatus('aangemeld', { status: 'afgewezen', reden: 'geen-capaciteit' })).toBe('afgewezen');
  });

  it('refuses reports out of order and end reasons outside the code list', () => {
    expect(() => volgendeVerwijzingStatus('aangemeld', { status: 'gestart' })).toThrow(
      expect.objectContaining({ code: 'EXCHANGE.VERWIJZING_STATUS_ONGELDIG' }),
    );
    expect(() => volgendeVerwijzingStatus('beeindigd', { status: 'beeindigd', eindreden: 'overig' })).toThrow(
      expect.objectContaining({ kind: 'precondition' }),
    );
    expect(() => volgendeVerwijzingStatus('gestart', { status: 'beeindigd', eindreden: 'depressie' as never })).toThrow(
      expect.objectContaining({ code: 'EXCHANGE.EINDREDEN_ONGELDIG' }),
    );
  });

  it('tells the sender only in treatment / finished for GGZ unless consent allows detail', () => {
    expect(terugkoppeling('ggz-behandeling', 'gestart', {}, false)).toEqual({ status: 'in-behandeling' });
    expect(terugkoppeling('ggz-behandeling', 'beeindigd', { eindreden: 'voortijdig-gestopt-deelnemer' }, false)).toEqual({ status: 'afgerond' });
    expect(terugkoppeling('ggz-behandeling', 'beeindigd', { eindreden: 'voortijdig-gestopt-deelnemer' }, true)).toEqual({
      status: 'beeindigd',
      eindreden: 'voortijdig-gestopt-deelnemer',
    });
    expect(terugkoppeling('schuldhulp', 'afgewezen', { afwijzingReden: 'wachtlijst-te-lang' }, false)).toEqual({
      status: 'afgewezen',
      afwijzingReden: 'wachtlijst-te-lang',
    });
  });
});
