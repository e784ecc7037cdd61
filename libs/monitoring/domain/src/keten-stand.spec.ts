import { berekenBasiscellen, type Basiscel } from './indicatoren';
import { overdrachtStanden, pasOverdrachtToe, plaatsingStanden, verwijzingStanden } from './keten-stand';
import type { Feit } from './traject-stand';

let nr = 0;
const feit = (soort: string, onderwerp: string, datum: string, data: Record<string, unknown> = {}): Feit => ({
  id: `f-${++nr}`,
  soort,
  onderwerp,
  datum,
  data,
});
const o = (soort: string, id: string, datum: string, data: Record<string, unknown> = {}) =>
  feit(`overdracht.${soort}`, id, datum, { zender: 'werkbrug', ontvanger: 'ggz-b', status: soort, ...data });
const v = (id: string, datum: string, status: string, ontvanger: string, extra: Record<string, unknown> = {}) =>
  feit('verwijzing.status-gewijzigd', id, datum, { zender: 'werkbrug', ontvanger, status, ...extra });
const p = (soort: string, id: string, datum: string, data: Record<string, unknown> = {}) =>
  feit(`plaatsing.${soort}`, id, datum, { werkgever: 'metaal-w', ...data });

/** Six handovers to ggz-b in March 2026 (1 March is a Sunday; no holidays in March). */
function overdrachten(): Feit[] {
  return [
    // o1: delivered and accepted two working days after the request, within the term.
    o('aangevraagd', 'o1', '2026-03-02'),
    o('dossier-geleverd', 'o1', '2026-03-02'),
    o('geaccepteerd', 'o1', '2026-03-04'),
    // o2: accepted after the acceptance term was escalated: 8 working days, not within the term.
    o('aangevraagd', 'o2', '2026-03-02'),
    o('dossier-geleverd', 'o2', '2026-03-03'),
    o('acceptatie-geescaleerd', 'o2', '2026-03-11'),
    o('geaccepteerd', 'o2', '2026-03-12'),
    // o3: rejected with a coded reason.
    o('aangevraagd', 'o3', '2026-03-05'),
    o('dossier-geleverd', 'o3', '2026-03-05'),
    o('afgewezen', 'o3', '2026-03-06', { afwijzingReden: 'geen-capaciteit' }),
    // o4: cancelled by the sender before the receiver answered: withdrawn, not in the denominator.
    o('aangevraagd', 'o4', '2026-03-09'),
    o('beeindigd', 'o4', '2026-03-10', { status: 'geannuleerd' }),
    // o5: the receiver never answered: expired.
    o('aangevraagd', 'o5', '2026-03-09'),
    o('dossier-geleverd', 'o5', '2026-03-09'),
    o('acceptatie-geescaleerd', 'o5', '2026-03-17'),
    o('beeindigd', 'o5', '2026-03-24', { status: 'ontvanger-onbereikbaar' }),
    // o6: rejected, offered again, then accepted within the new term: 3 working days from the request.
    o('aangevraagd', 'o6', '2026-03-10'),
    o('dossier-geleverd', 'o6', '2026-03-10'),
    o('afgewezen', 'o6', '2026-03-11', { afwijzingReden: 'onvoldoende-informatie' }),
    o('heraangeboden', 'o6', '2026-03-12'),
    o('dossier-geleverd', 'o6', '2026-03-12'),
    o('geaccepteerd', 'o6', '2026-03-13'),
  ];
}

function verwijzingen(): Feit[] {
  return [
    feit('verwijzing.aangemeld', 'v1', '2026-03-02', { zender: 'werkbrug', ontvanger: 'schuldhulp-c', soort: 'schuldhulp', status: 'aangemeld' }),
    v('v1', '2026-03-03', 'geaccepteerd', 'schuldhulp-c'),
    v('v1', '2026-03-05', 'gestart', 'schuldhulp-c'),
    v('v1', '2026-03-05', 'gestart', 'schuldhulp-c'), // the same outcome published again counts once
    v('v1', '2026-04-10', 'beeindigd', 'schuldhulp-c', { eindreden: 'doel-bereikt' }),
    v('v2', '2026-03-06', 'niet-gestart', 'ggz-b'), // a GGZ treatment's masked status
    v('v3', '2026-04-01', 'beeindigd', 'schuldhulp-c', { eindreden: 'verhuisd' }),
  ];
}

function plaatsingen(): Feit[] {
  return [
    // p1: proefplaatsing → contract, in service at 6 and 12 months.
    p('gestart', 'p1', '2026-01-05'),
    p('proefplaatsing-gestart', 'p1', '2026-01-05'),
    p('contract-getekend', 'p1', '2026-03-02', { urenPerWeek: 32 }),
    p('duurzaamheidscheck', 'p1', '2026-09-02', { maanden: 6 }),
    p('duurzaamheidscheck', 'p1', '2027-03-02', { maanden: 12 }),
    p('duurzaam', 'p1', '2027-03-02', { maanden: 12 }),
    // p2: drop-out during the proefplaatsing after 39 days, back to the traject.
    p('gestart', 'p2', '2026-01-12'),
    p('proefplaatsing-gestart', 'p2', '2026-01-12'),
    p('teruggeleid', 'p2', '2026-02-20', { reden: 'uitval-bij-werkgever' }),
    // p3: a contract that was not renewed before the 6-month check, after 163 days.
    p('gestart', 'p3', '2026-01-19'),
    p('proefplaatsing-gestart', 'p3', '2026-01-19'),
    p('contract-getekend', 'p3', '2026-03-16', { urenPerWeek: 24 }),
    p('teruggeleid', 'p3', '2026-07-01', { reden: 'contract-niet-verlengd' }),
    // p4: a proefplaatsing still running.
    p('gestart', 'p4', '2026-02-02'),
    p('proefplaatsing-gestart', 'p4', '2026-02-02'),
  ];
}

const cel = (c: Basiscel) => `${c.indicator}/${c.meting}/${c.categorie}/${c.partner}/${c.maand}=${c.aantal}${c.waarden ? `[${c.waarden.join(',')}]` : ''}`;
const cellen = (feiten: Feit[]) =>
  berekenBasiscellen(
    { trajecten: [], overdrachten: overdrachtStanden(feiten), verwijzingen: verwijzingStanden(feiten), plaatsingen: plaatsingStanden(feiten) },
    '2027-06-01',
  )
    .map(cel)
    .sort();

describe('handovers, referrals and placements from the exchange and plaatsing feeds', () => {
  it('counts handovers as computed by hand: requested, within the term, working days to acceptance, rejected, expired, withdrawn', () => {
    expect(cellen(overdrachten())).toEqual(
      [
        'overdracht-doorlooptijd/geaccepteerd/-/ggz-b/2026-03=3[2,3,8]',
        'overdrachten-binnen-termijn/aangevraagd/-/ggz-b/2026-03=6',
        'overdrachten-binnen-termijn/ingetrokken/-/ggz-b/2026-03=1',
        // o1, o2, o3, o5, o6 got an outcome; o1 and o6 were accepted within the term.
        'overdrachten-binnen-termijn/noemer/-/ggz-b/2026-03=5',
        'overdrachten-binnen-termijn/teller/-/ggz-b/2026-03=2',
      ].sort(),
    );
  });

  it('counts referrals once per referral and outcome, by receiver', () => {
    expect(cellen(verwijzingen())).toEqual(
      [
        'verwijzingen/verwijzingen/aangemeld/schuldhulp-c/2026-03=1',
        'verwijzingen/verwijzingen/geaccepteerd/schuldhulp-c/2026-03=1',
        'verwijzingen/verwijzingen/gestart/schuldhulp-c/2026-03=1',
        'verwijzingen/verwijzingen/afgerond/schuldhulp-c/2026-04=1',
        'verwijzingen/verwijzingen/gestopt/schuldhulp-c/2026-04=1',
        'verwijzingen/verwijzingen/afgewezen/ggz-b/2026-03=1',
      ].sort(),
    );
  });

  it('counts placements: started, proefplaatsing → contract, lasting at 6 and 12 months, returns and their duration', () => {
    expect(cellen(plaatsingen())).toEqual(
      [
        'plaatsingen/gestart/-/metaal-w/2026-01=3',
        'plaatsingen/gestart/-/metaal-w/2026-02=1',
        // p1, p2 and p3 had a proefplaatsing with an outcome (p4 still runs); p1 and p3 got a contract.
        'plaatsingen/noemer/proef-naar-contract/metaal-w/2026-01=3',
        'plaatsingen/teller/proef-naar-contract/metaal-w/2026-01=2',
        // Contracts of March: p1 in service at both checks, p3 returned before the first.
        'plaatsingen/noemer/duurzaam-6/metaal-w/2026-03=2',
        'plaatsingen/teller/duurzaam-6/metaal-w/2026-03=1',
        'plaatsingen/noemer/duurzaam-12/metaal-w/2026-03=2',
        'plaatsingen/teller/duurzaam-12/metaal-w/2026-03=1',
        'plaatsingen/teruggeleid/uitval-bij-werkgever/metaal-w/2026-02=1',
        'plaatsingen/teruggeleid/contract-niet-verlengd/metaal-w/2026-07=1',
        'plaatsingen/duur/-/metaal-w/2026-02=1[39]',
        'plaatsingen/duur/-/metaal-w/2026-07=1[163]',
      ].sort(),
    );
  });

  it('gives the same figures when the facts of each subject are folded one by one or all at once, in any interleaving of subjects', () => {
    const alle = [...overdrachten(), ...verwijzingen(), ...plaatsingen()];
    // Interleave the subjects (each subject's own order kept), as the feeds deliver them.
    const perOnderwerp = new Map<string, Feit[]>();
    for (const f of alle) perOnderwerp.set(f.onderwerp, [...(perOnderwerp.get(f.onderwerp) ?? []), f]);
    const verweven: Feit[] = [];
    for (let i = 0; verweven.length < alle.length; i++) for (const fs of perOnderwerp.values()) if (fs[i]) verweven.push(fs[i]);
    expect(cellen(verweven)).toEqual(cellen(alle));
  });

  it('keeps no free text and no deelnemer: a handover stand holds the receiver, dates and codes only', () => {
    const s = pasOverdrachtToe(undefined, o('aangevraagd', 'o9', '2026-03-02', { reden: 'vrije tekst over de deelnemer' }));
    expect(JSON.stringify(s)).not.toContain('vrije tekst');
    expect(Object.keys(s).sort()).toEqual(['aangevraagdOp', 'binnenTermijn', 'geescaleerd', 'ontvanger']);
  });
});
