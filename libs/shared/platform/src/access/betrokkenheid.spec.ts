import type { Betrokkenheid } from '@ketenregie/shared-access-policy';
import { setTimeout as wacht } from 'node:timers/promises';
import { type BetrokkenheidPoort, GecachteBetrokkenheid } from './betrokkenheid';

/** The traject context's answers, held in memory, counting how often it is asked. */
class TelBetrokkenheid implements BetrokkenheidPoort {
  readonly vragen: string[] = [];
  readonly antwoorden = new Map<string, readonly Betrokkenheid[]>();

  async bijDeelnemer(deelnemerId: string, bearer: string | undefined): Promise<readonly Betrokkenheid[]> {
    this.vragen.push(`${deelnemerId}:${bearer}`);
    await wacht(5);
    return this.antwoorden.get(`${deelnemerId}:${bearer}`) ?? [];
  }

  async inTraject(trajectId: string, bearer: string | undefined): Promise<{ deelnemerId: string; betrokkenheid: readonly Betrokkenheid[] } | undefined> {
    this.vragen.push(`traject ${trajectId}:${bearer}`);
    const betrokkenheid = this.antwoorden.get(`${trajectId}:${bearer}`);
    return betrokkenheid ? { deelnemerId: 'd1', betrokkenheid } : undefined;
  }
}

describe('GecachteBetrokkenheid', () => {
  it('asks the traject context once for a burst of decisions by one caller about one deelnemer, and again after ttlMs', async () => {
    const bron = new TelBetrokkenheid();
    bron.antwoorden.set('d1:token-a', ['aanmelder']);
    const poort = new GecachteBetrokkenheid(bron, 200);
    const antwoorden = await Promise.all(Array.from({ length: 10 }, () => poort.bijDeelnemer('d1', 'token-a')));
    expect(antwoorden).toEqual(Array.from({ length: 10 }, () => ['aanmelder']));
    expect(await poort.bijDeelnemer('d1', 'token-a')).toEqual(['aanmelder']);
    expect(bron.vragen).toEqual(['d1:token-a']);

    bron.antwoorden.delete('d1:token-a');
    await wacht(250);
    expect(await poort.bijDeelnemer('d1', 'token-a')).toEqual([]);
    expect(bron.vragen).toHaveLength(2);
  });

  it('never remembers "not involved", so a new involvement counts at once', async () => {
    const bron = new TelBetrokkenheid();
    const poort = new GecachteBetrokkenheid(bron, 60_000);
    expect(await poort.bijDeelnemer('d1', 'token-a')).toEqual([]);
    bron.antwoorden.set('d1:token-a', ['regievoerder']);
    expect(await poort.bijDeelnemer('d1', 'token-a')).toEqual(['regievoerder']);
    expect(bron.vragen).toHaveLength(2);
  });

  it("never gives one caller's answer to another caller, nor for another deelnemer", async () => {
    const bron = new TelBetrokkenheid();
    bron.antwoorden.set('d1:token-a', ['aanmelder']);
    const poort = new GecachteBetrokkenheid(bron, 60_000);
    expect(await poort.bijDeelnemer('d1', 'token-a')).toEqual(['aanmelder']);
    expect(await poort.bijDeelnemer('d1', 'token-b')).toEqual([]);
    expect(await poort.bijDeelnemer('d2', 'token-a')).toEqual([]);
    expect(await poort.bijDeelnemer('d1', undefined)).toEqual([]);
    expect(bron.vragen).toEqual(['d1:token-a', 'd1:token-b', 'd2:token-a', 'd1:undefined']);
  });

  it('passes a failure of the traject context on to the caller and remembers nothing of it', async () => {
    const bron = new TelBetrokkenheid();
    const poort = new GecachteBetrokkenheid(bron, 60_000);
    const fout = new Error('traject-service unreachable');
    jest.spyOn(bron, 'bijDeelnemer').mockRejectedValueOnce(fout);
    await expect(poort.bijDeelnemer('d1', 'token-a')).rejects.toBe(fout);
    bron.antwoorden.set('d1:token-a', ['coach-organisatie']);
    expect(await poort.bijDeelnemer('d1', 'token-a')).toEqual(['coach-organisatie']);
  });

  it('remembers a traject answer only for the involved caller, per traject (exchange-service asks it for every handover request)', async () => {
    const bron = new TelBetrokkenheid();
    bron.antwoorden.set('tr-1:token-a', ['regievoerder']);
    const poort = new GecachteBetrokkenheid(bron, 60_000);
    expect(await poort.inTraject('tr-1', 'token-a')).toEqual({ deelnemerId: 'd1', betrokkenheid: ['regievoerder'] });
    expect(await poort.inTraject('tr-1', 'token-a')).toEqual({ deelnemerId: 'd1', betrokkenheid: ['regievoerder'] });
    expect(await poort.inTraject('tr-1', 'token-b')).toBeUndefined();
    expect(await poort.inTraject('tr-1', 'token-b')).toBeUndefined();
    expect(await poort.inTraject('tr-2', 'token-a')).toBeUndefined();
    expect(bron.vragen).toEqual(['traject tr-1:token-a', 'traject tr-1:token-b', 'traject tr-1:token-b', 'traject tr-2:token-a']);
  });
});

describe('GecachteBetrokkenheid, refresh ahead', () => {
  // Refresh at exactly 70 % of ttlMs (the spread's lower end): 280 of 400 ms.
  beforeEach(() => jest.spyOn(Math, 'random').mockReturnValue(0));
  afterEach(() => jest.restoreAllMocks());

  it('asks again in the background once an answer in use nears ttlMs, so no caller waits, and drops it as soon as the involvement ended', async () => {
    const bron = new TelBetrokkenheid();
    bron.antwoorden.set('d1:token-a', ['ontvanger']);
    const poort = new GecachteBetrokkenheid(bron, 400);
    expect(await poort.bijDeelnemer('d1', 'token-a')).toEqual(['ontvanger']);
    await wacht(300); // past the refresh moment, before ttlMs: the remembered answer, and a refresh behind it
    const voor = performance.now();
    expect(await poort.bijDeelnemer('d1', 'token-a')).toEqual(['ontvanger']);
    expect(performance.now() - voor).toBeLessThan(5); // the source answers after 5 ms: nobody waited for it
    expect(bron.vragen).toHaveLength(2);
    // The refreshed answer lives on past the first answer's ttlMs, without another question.
    await wacht(150);
    expect(await poort.bijDeelnemer('d1', 'token-a')).toEqual(['ontvanger']);
    expect(bron.vragen).toHaveLength(2);

    // The involvement ends (a referral's consent withdrawn): the next refresh removes the answer.
    bron.antwoorden.delete('d1:token-a');
    await wacht(150);
    expect(await poort.bijDeelnemer('d1', 'token-a')).toEqual(['ontvanger']); // still younger than ttlMs; the refresh starts
    await wacht(25);
    expect(await poort.bijDeelnemer('d1', 'token-a')).toEqual([]);
  });

  it('never uses an answer longer than ttlMs when the refresh fails', async () => {
    const bron = new TelBetrokkenheid();
    bron.antwoorden.set('d1:token-a', ['aanmelder']);
    const poort = new GecachteBetrokkenheid(bron, 400);
    await poort.bijDeelnemer('d1', 'token-a');
    jest.spyOn(bron, 'bijDeelnemer').mockRejectedValue(new Error('traject-service unreachable'));
    await wacht(300);
    expect(await poort.bijDeelnemer('d1', 'token-a')).toEqual(['aanmelder']);
    await wacht(130);
    await expect(poort.bijDeelnemer('d1', 'token-a')).rejects.toThrow('traject-service unreachable');
  });
});
