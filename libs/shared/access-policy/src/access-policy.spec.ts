import { type Actor, beslis, HANDELINGEN, REGELS, rolPastBijType } from './access-policy';

const klantmanager: Actor = { rol: 'klantmanager', organisatieType: 'gemeente', dienst: false };
const coach: Actor = { rol: 'coach', organisatieType: 'uitvoerder', dienst: false };
const jobcoach: Actor = { rol: 'jobcoach', organisatieType: 'werkgever', dienst: false };
const stuurgroeplid: Actor = { rol: 'stuurgroeplid', organisatieType: 'gemeente', dienst: false };
const fg: Actor = { rol: 'fg', organisatieType: 'gemeente', dienst: false };
const deelnemer: Actor = { rol: 'deelnemer', dienst: false, deelnemerId: 'd-1' };
const geen = { betrokkenheid: [] };

describe('beslis', () => {
  it('lets only a gemeente klantmanager register deelnemers and start trajecten for the deelnemers it registered', () => {
    expect(beslis(klantmanager, 'deelnemer.registreren', {}, geen)).toEqual({ toegestaan: true });
    expect(beslis(coach, 'deelnemer.registreren', {}, geen)).toMatchObject({ geweigerd: true, reden: 'rol-niet-toegestaan' });
    expect(beslis(jobcoach, 'traject.starten', { deelnemerId: 'd-1' }, { betrokkenheid: ['aanmelder'] })).toMatchObject({ geweigerd: true });
    expect(beslis(klantmanager, 'traject.starten', { deelnemerId: 'd-1' }, { betrokkenheid: ['aanmelder'] }).toegestaan).toBe(true);
    expect(beslis(klantmanager, 'traject.starten', { deelnemerId: 'd-1' }, geen)).toMatchObject({ reden: 'niet-betrokken' });
  });

  it('takes the organisation type as a fact: a klantmanager role on a werkgever is refused whatever it claims', () => {
    expect(beslis({ ...klantmanager, organisatieType: 'werkgever' }, 'deelnemer.registreren', {}, geen)).toMatchObject({
      reden: 'rol-past-niet-bij-organisatie',
    });
    expect(beslis({ ...klantmanager, organisatieType: undefined }, 'programmas.lezen', {}, geen)).toMatchObject({ reden: 'rol-past-niet-bij-organisatie' });
  });

  it('lets only the regievoerder move the lead or the coach organisation; the coach organisation does the daily work', () => {
    expect(beslis(coach, 'traject.regie.wijzigen', {}, { betrokkenheid: ['coach-organisatie'] })).toMatchObject({ reden: 'niet-betrokken' });
    expect(beslis(klantmanager, 'traject.regie.wijzigen', {}, { betrokkenheid: ['regievoerder'] }).toegestaan).toBe(true);
    expect(beslis(coach, 'traject.uitvoeren', {}, { betrokkenheid: ['coach-organisatie'] }).toegestaan).toBe(true);
    expect(beslis(coach, 'traject.uitvoeren', {}, { betrokkenheid: ['aanmelder'] }).toegestaan).toBe(false);
  });

  it('keeps a receiver out of a handover until the consent decision permits it', () => {
    const ggz: Actor = { rol: 'behandelaar', organisatieType: 'ggz', dienst: false };
    expect(beslis(ggz, 'overdracht.lezen', {}, { betrokkenheid: ['geadresseerde'] })).toMatchObject({ reden: 'geen-toestemming' });
    expect(beslis(ggz, 'overdracht.lezen', {}, { betrokkenheid: ['geadresseerde'], toestemming: true }).toegestaan).toBe(true);
    expect(beslis(ggz, 'dossier.lezen', {}, { betrokkenheid: ['verzender'], toestemming: true }).toegestaan).toBe(false);
  });

  it('gives a deelnemer their own consents, inzage and traject summary, and nothing of anyone else', () => {
    for (const h of ['toestemming.lezen', 'toestemming.intrekken', 'inzage.opstellen', 'traject.samenvatting.lezen'] as const) {
      expect(beslis(deelnemer, h, { deelnemerId: 'd-1' }, geen).toegestaan).toBe(true);
      expect(beslis(deelnemer, h, { deelnemerId: 'd-2' }, geen)).toMatchObject({ reden: 'niet-de-eigen-gegevens' });
    }
    for (const h of ['deelnemer.lezen', 'traject.lezen', 'toestemming.vastleggen', 'inbox.lezen', 'verwerking.melden'] as const) {
      expect(beslis(deelnemer, h, { deelnemerId: 'd-1' }, geen).toegestaan).toBe(false);
    }
    expect(beslis({ rol: 'deelnemer', dienst: false }, 'inzage.opstellen', { deelnemerId: undefined }, geen).toegestaan).toBe(false);
  });

  it('never gives a stuurgroeplid anything about a deelnemer, however involved its organisation is', () => {
    const allesBetrokken = {
      betrokkenheid: ['aanmelder', 'regievoerder', 'coach-organisatie', 'ontvanger', 'verzender', 'geadresseerde'] as const,
      toestemming: true,
    };
    const toegestaan = HANDELINGEN.filter((h) => beslis(stuurgroeplid, h, { deelnemerId: 'd-1' }, allesBetrokken).toegestaan);
    expect(toegestaan).toEqual(['programmas.lezen', 'stuurgroepen.lezen', 'convenant.lezen', 'convenant.beheren', 'indicatoren.lezen']);
  });

  it('lets only the services write the processing log, and only the gemeente FG read it', () => {
    expect(beslis(klantmanager, 'verwerking.melden', {}, geen)).toMatchObject({ reden: 'alleen-dienst' });
    expect(beslis({ ...klantmanager, dienst: true }, 'verwerking.melden', {}, geen).toegestaan).toBe(true);
    expect(beslis(fg, 'verwerkingslog.lezen', {}, geen).toegestaan).toBe(true);
    expect(beslis(klantmanager, 'verwerkingslog.lezen', {}, geen).toegestaan).toBe(false);
  });

  it('shows the release profiles to every professional and the FG, but not to a deelnemer or a stuurgroeplid', () => {
    expect(beslis(coach, 'vrijgaveprofiel.lezen', {}, geen).toegestaan).toBe(true);
    expect(beslis(fg, 'vrijgaveprofiel.lezen', {}, geen).toegestaan).toBe(true);
    expect(beslis(deelnemer, 'vrijgaveprofiel.lezen', {}, geen).toegestaan).toBe(false);
    expect(beslis(stuurgroeplid, 'vrijgaveprofiel.lezen', {}, geen).toegestaan).toBe(false);
  });

  it("records a referral's receiver as ontvanger only through the service acting for the traject's regievoerder or coach organisation", () => {
    const alsDienst = { ...coach, dienst: true };
    expect(beslis(alsDienst, 'ontvanger.vastleggen', { deelnemerId: 'd-1' }, { betrokkenheid: ['coach-organisatie'] }).toegestaan).toBe(true);
    expect(beslis(coach, 'ontvanger.vastleggen', { deelnemerId: 'd-1' }, { betrokkenheid: ['coach-organisatie'] })).toMatchObject({ reden: 'alleen-dienst' });
    expect(beslis(alsDienst, 'ontvanger.vastleggen', { deelnemerId: 'd-1' }, { betrokkenheid: ['ontvanger'] })).toMatchObject({ reden: 'niet-betrokken' });
  });

  it('has a rule with at least one way in for every action, and roles that fit their organisation types', () => {
    for (const h of HANDELINGEN) expect(REGELS[h].toegang.length).toBeGreaterThan(0);
  });

  it("programmes are set up by a gemeente's klantmanager only", () => {
    expect(beslis(klantmanager, 'programmas.beheren', {}, geen)).toEqual({ toegestaan: true });
    expect(beslis({ rol: 'coach', organisatieType: 'uitvoerder', dienst: false }, 'programmas.beheren', {}, geen)).toMatchObject({
      reden: 'rol-niet-toegestaan',
    });
    expect(beslis({ rol: 'fg', organisatieType: 'gemeente', dienst: false }, 'programmas.beheren', {}, geen)).toMatchObject({ reden: 'rol-niet-toegestaan' });
    expect(rolPastBijType('behandelaar', 'ggz')).toBe(true);
    expect(rolPastBijType('behandelaar', 'werkgever')).toBe(false);
    expect(rolPastBijType('deelnemer', 'gemeente')).toBe(false);
  });

  it("werkgever lane: an employer its own vacancies and overview; the subsidy is the leading gemeente's; a placement only for those taking part", () => {
    expect(beslis(jobcoach, 'werkgeversoverzicht.lezen', {}, geen).toegestaan).toBe(true);
    expect(beslis(coach, 'werkgeversoverzicht.lezen', {}, geen)).toMatchObject({ reden: 'organisatietype-niet-toegestaan' });
    expect(beslis(jobcoach, 'werkgever.beheren', {}, { betrokkenheid: ['werkgever'] }).toegestaan).toBe(true);
    expect(beslis(jobcoach, 'werkgever.beheren', {}, geen)).toMatchObject({ reden: 'niet-betrokken' });
    expect(beslis(jobcoach, 'vacatures.lezen', {}, geen)).toMatchObject({ geweigerd: true });
    expect(beslis(coach, 'vacatures.lezen', {}, geen).toegestaan).toBe(true);
    expect(beslis(klantmanager, 'plaatsing.subsidie.besluiten', {}, { betrokkenheid: ['regievoerder'] }).toegestaan).toBe(true);
    expect(beslis(coach, 'plaatsing.subsidie.besluiten', {}, { betrokkenheid: ['coach-organisatie', 'regievoerder'] })).toMatchObject({ geweigerd: true });
    expect(beslis(jobcoach, 'plaatsing.uitvoeren', {}, { betrokkenheid: ['werkgever'] }).toegestaan).toBe(true);
    expect(beslis(jobcoach, 'plaatsing.lezen', {}, { betrokkenheid: ['werkgever'] })).toMatchObject({ reden: 'niet-betrokken' });
    expect(beslis(stuurgroeplid, 'plaatsingen.lijst', {}, geen)).toMatchObject({ geweigerd: true });
  });
});
