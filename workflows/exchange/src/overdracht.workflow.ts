import {
  aanZet,
  afsluiting,
  besluitGevolg,
  DOSSIER_BEHOEFTE,
  dossierGeleverd,
  driegesprekStap,
  GEEN_BEWAKING,
  instellingen,
  isEindstatus,
  type Melding,
  momentVerstreken,
  NIEUWE_OVERDRACHT,
  slotMelding,
  type TermijnBewaking,
  toestemmingStap,
  volgendeCheckin,
  volgendeToestand,
  volgendMoment,
} from '@ketenregie/exchange-domain';
import { toestemmingBeeindigdSignal } from '@ketenregie/consent-contracts';
import {
  acceptatieUpdate,
  afwijzingUpdate,
  annuleringUpdate,
  driegesprekUpdate,
  ENGLISH_ACTIVITY_NAMES_PATCH,
  EXCHANGE_ACTIVITY_ALIASES,
  heraanbiedingUpdate,
  ontvangerOnbereikbaarSignal,
  overdrachtQuery,
  toestemmingUpdate,
} from '@ketenregie/exchange-contracts';
import type {
  ExchangeActivities,
  ExchangeActivityAliases,
  Namens,
  ExchangeEventType,
  OverdrachtStap,
  OverdrachtToestand,
  OverdrachtUitkomst,
  OverdrachtWeergave,
  OverdrachtWorkflowInput,
  StapRegistratie,
  TaakOpdracht,
} from '@ketenregie/exchange-contracts';
import { ACTIVITY_TIMEOUTS, amsterdamDate, isDomainError, startOfAmsterdamDate } from '@ketenregie/shared-kernel';
import { ActivityFailure, allHandlersFinished, ApplicationFailure, condition, patched, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';

const opties = { ...ACTIVITY_TIMEOUTS, retry: { initialInterval: '1 second', maximumInterval: '5 minutes' } } as const;
const engels = proxyActivities<ExchangeActivities>(opties);
const nederlands = proxyActivities<ExchangeActivityAliases>(opties);

/**
 * The activities under the names this run schedules: the English names for handovers started
 * since {@link ENGLISH_ACTIVITY_NAMES_PATCH}, the Dutch ones (still registered by the worker) for
 * those started before, whose histories record them.
 */
function activiteiten(): ExchangeActivities {
  if (patched(ENGLISH_ACTIVITY_NAMES_PATCH)) return engels;
  return Object.fromEntries(
    Object.entries(EXCHANGE_ACTIVITY_ALIASES).map(([oud, nieuw]) => [nieuw, nederlands[oud as keyof ExchangeActivityAliases]]),
  ) as unknown as ExchangeActivities;
}

/**
 * One warm handover from sender to receiver, as one durable transaction: consent decision →
 * minimal dossier → acceptance within working days (reminder, escalation, unreachable) →
 * driegesprek (no-show re-plans) → follow-up check-ins → lead transfer. The sender stays
 * responsible until the end; every path ends in a defined state. A withdrawn consent stops the
 * disclosure at once: the dossier is withdrawn and both organisations are told; an expired one
 * does the same and ends in a state of its own. The receiver counts as unreachable when the
 * acceptance term runs out, or earlier when exchange-service's outbox gives up delivering the
 * handover's notifications to the receiver's webhook.
 */
export async function overdrachtWorkflow(input: OverdrachtWorkflowInput): Promise<OverdrachtUitkomst> {
  const act = activiteiten();
  const i = instellingen(input.instellingen);
  const workflowId = workflowInfo().workflowId;
  const vandaag = () => amsterdamDate(Date.now());
  const categorieen = input.categorieen ?? DOSSIER_BEHOEFTE[input.ontvanger.type];
  const namens: Namens = {
    professional: input.zender.professional,
    organisatie: input.zender.organisatie,
    type: input.zender.type,
    rol: input.zender.rol ?? 'klantmanager',
  };

  // The state of the run; every decision about it is the domain's (exchange-domain `verloop`).
  let t: OverdrachtToestand = NIEUWE_OVERDRACHT;
  let bewaking: TermijnBewaking = GEEN_BEWAKING;
  let herbeoordelen = true;
  let dossierBijOntvanger = false;
  let nieuweRegievoerder: string | undefined;
  /** Coded reason shown with the end state (cancellation reason, failed deliveries). */
  let einde: { readonly reden?: string; readonly pogingen?: number } = {};
  let versie = 0;
  let stapnummer = 0;
  const afhankelijkVan = new Set<string>();
  const effecten: StapRegistratie[] = [];

  const neem = (stap: OverdrachtStap) => {
    t = volgendeToestand(t, stap);
    versie += 1;
  };
  const sleutel = (naam: string) => `${workflowId}/${++stapnummer}/${naam}`;
  const stapVan = (m: Melding): Omit<StapRegistratie, 'sleutel'> => ({
    namens,
    overdrachtId: input.overdrachtId,
    status: t.status,
    gebeurtenis: `nl.ketenregie.overdracht.${m.gebeurtenis}` as ExchangeEventType,
    ...(m.taak ? { taak: m.taak } : {}),
    ...(m.gegevens ? { gegevens: m.gegevens } : {}),
  });
  const registreer = (m: Melding, metTermijn = false) =>
    act.recordStep({ ...stapVan(m), sleutel: sleutel(stapVan(m).gebeurtenis), ...(metTermijn && bewaking.termijn ? { termijn: bewaking.termijn } : {}) });
  /** Queued by handlers (which must answer at once), recorded by the main loop in order. */
  const meld = (gebeurtenis: ExchangeEventType, extra: { taak?: TaakOpdracht; gegevens?: StapRegistratie['gegevens'] } = {}) =>
    effecten.push({ sleutel: '', namens, overdrachtId: input.overdrachtId, status: t.status, gebeurtenis, ...extra });
  const verwerkEffecten = async () => {
    while (effecten.length > 0) {
      const e = effecten.shift() as StapRegistratie;
      await act.recordStep({ ...e, sleutel: sleutel(e.gebeurtenis) });
    }
  };

  const weergave = (): OverdrachtWeergave => ({
    overdrachtId: input.overdrachtId,
    status: t.status,
    aanZet: aanZet(t.status),
    toestand: t,
    ...(bewaking.termijn && !isEindstatus(t.status) ? { termijn: bewaking.termijn } : {}),
    herinneringVerstuurd: bewaking.herinneringVerstuurd,
    geescaleerd: bewaking.geescaleerd,
    ...(nieuweRegievoerder ? { nieuweRegievoerder } : {}),
  });

  /** Validators run before anything is written to history: a refused step leaves no trace. */
  const valideer = (stap: OverdrachtStap) => {
    try {
      volgendeToestand(t, stap);
    } catch (error) {
      if (isDomainError(error)) throw ApplicationFailure.create({ type: error.code, message: error.detail, nonRetryable: true });
      throw error;
    }
  };

  setHandler(overdrachtQuery, weergave);

  setHandler(
    acceptatieUpdate,
    (o) => {
      neem({ soort: 'acceptatie', door: o.door, op: vandaag() });
      nieuweRegievoerder = o.regievoerderId;
      meld('nl.ketenregie.overdracht.geaccepteerd', { taak: { voor: 'zender', soort: 'driegesprek-plannen' } });
      return weergave();
    },
    { validator: (o) => valideer({ soort: 'acceptatie', door: o.door, op: vandaag() }) },
  );

  setHandler(
    afwijzingUpdate,
    (o) => {
      neem({ soort: 'afwijzing', reden: o.reden, advies: o.advies, op: vandaag() });
      if (t.status === 'afgewezen')
        meld('nl.ketenregie.overdracht.afgewezen', { taak: { voor: 'zender', soort: 'afwijzing-opvolgen' }, gegevens: { reden: o.reden } });
      return weergave();
    },
    { validator: (o) => valideer({ soort: 'afwijzing', reden: o.reden, advies: o.advies, op: vandaag() }) },
  );

  setHandler(
    heraanbiedingUpdate,
    (_o) => {
      neem({ soort: 'opnieuw-aanbieden' });
      herbeoordelen = true;
      meld('nl.ketenregie.overdracht.heraangeboden');
      return weergave();
    },
    { validator: (_o) => valideer({ soort: 'opnieuw-aanbieden' }) },
  );

  setHandler(
    toestemmingUpdate,
    (o) => {
      if (o.soort === 'vastgelegd') herbeoordelen = true;
      else neem(toestemmingStap(o.soort));
      versie += 1;
      return weergave();
    },
    {
      validator: (o) => {
        valideer(toestemmingStap(o.soort));
        if (o.soort === 'vastgelegd' && t.status === 'aangevraagd') valideer({ soort: 'toestemming-gevraagd' });
      },
    },
  );

  setHandler(
    driegesprekUpdate,
    (o) => {
      neem(driegesprekStap(o, vandaag()));
      if (o.soort === 'gepland') meld('nl.ketenregie.overdracht.driegesprek-gepland', { gegevens: { datum: o.datum } });
      if (o.soort === 'no-show')
        meld('nl.ketenregie.overdracht.driegesprek-no-show', { taak: { voor: 'zender', soort: 'driegesprek-plannen' }, gegevens: { wie: o.wie } });
      return weergave();
    },
    { validator: (o) => valideer(driegesprekStap(o, vandaag())) },
  );

  setHandler(
    annuleringUpdate,
    (o) => {
      neem({ soort: 'geannuleerd' });
      einde = { reden: o.reden };
      return weergave();
    },
    { validator: (_o) => valideer({ soort: 'geannuleerd' }) },
  );

  setHandler(toestemmingBeeindigdSignal, (e) => {
    if (!afhankelijkVan.has(e.toestemmingId) || isEindstatus(t.status)) return;
    // Handovers that learnt of an expiry before it had a state of its own keep ending as withdrawn.
    neem({ soort: e.reden === 'verlopen' && patched('toestemming-verlopen') ? 'toestemming-verlopen' : 'toestemming-ingetrokken' });
  });

  setHandler(ontvangerOnbereikbaarSignal, (m) => {
    if (m.organisatie !== input.ontvanger.organisatie || t.status !== 'dossier-geleverd') return;
    neem({ soort: 'ontvanger-onbereikbaar' });
    einde = { reden: 'bezorging-mislukt', pogingen: m.pogingen };
  });

  /** Waits for a change (a step, a queued record) or until `moment`; true when something changed. */
  const wachtOpWijziging = async (moment?: number): Promise<boolean> => {
    const bij = versie;
    const veranderd = () => versie !== bij || effecten.length > 0;
    if (moment === undefined) {
      await condition(veranderd);
      return true;
    }
    const ms = moment - Date.now();
    return ms <= 0 ? veranderd() : condition(veranderd, ms);
  };

  /** Waits for an answer until the running term's next moment; when it passes unanswered, does what the domain says is due. */
  const bewaakTermijn = async (): Promise<void> => {
    const moment = volgendMoment(bewaking, i);
    if (!moment) {
      await wachtOpWijziging();
      return;
    }
    if (await wachtOpWijziging(startOfAmsterdamDate(moment.op))) return;
    const gevolg = momentVerstreken(bewaking, moment.wat);
    bewaking = gevolg.bewaking;
    if (gevolg.stap) neem(gevolg.stap);
    if (gevolg.melding) await registreer(gevolg.melding, true);
  };

  /** Asks consent for a decision and acts on it: wait for consent, or register as dependant and deliver the dossier. */
  const beslisEnLever = async (): Promise<void> => {
    herbeoordelen = false;
    const besluit = await act.requestDecision({
      overdrachtId: input.overdrachtId,
      deelnemerId: input.deelnemerId,
      zender: input.zender,
      ontvanger: input.ontvanger,
      categorieen,
    });
    if (isEindstatus(t.status)) return;
    const gevolg = besluitGevolg(t.status, besluit, vandaag(), i);
    if (gevolg.soort === 'toestemming-nodig') {
      neem(gevolg.stap);
      if (gevolg.bewaking) bewaking = gevolg.bewaking;
      if (gevolg.melding) await registreer(gevolg.melding, true);
      return;
    }
    if (gevolg.soort === 'niets-vrijgegeven') {
      // Histories recorded before this rule delivered an empty dossier and waited for the acceptance term.
      if (patched('niets-vrijgegeven')) {
        neem(gevolg.stap);
        return;
      }
    } else if (gevolg.afhankelijkVan.length > 0) {
      gevolg.afhankelijkVan.forEach((id) => afhankelijkVan.add(id));
      const { actief } = await act.registerDependency({ toestemmingen: gevolg.afhankelijkVan, workflowId });
      if (!actief) {
        // The consent ended between the decision and the registration: decide again.
        herbeoordelen = true;
        return;
      }
    }
    if (isEindstatus(t.status)) return;
    const levering = await act.deliverDossier({
      sleutel: sleutel('dossier'),
      namens,
      overdrachtId: input.overdrachtId,
      besluitId: besluit.besluitId,
      vrijgaven: besluit.vrijgaven,
    });
    dossierBijOntvanger = true;
    if (isEindstatus(t.status)) return;
    const geleverd = dossierGeleverd(levering.categorieen, vandaag(), i);
    neem(geleverd.stap);
    bewaking = geleverd.bewaking;
    await registreer(geleverd.melding, true);
  };

  await registreer({ gebeurtenis: 'aangevraagd' });

  while (true) {
    await verwerkEffecten();
    if (isEindstatus(t.status)) break;
    switch (t.status) {
      case 'aangevraagd':
      case 'toestemming-nodig':
      case 'toestemming-gevraagd':
        if (herbeoordelen) await beslisEnLever();
        else await bewaakTermijn();
        break;
      case 'dossier-geleverd':
        await bewaakTermijn();
        break;
      case 'afgewezen':
        if (dossierBijOntvanger) {
          await act.withdrawDossier({ sleutel: sleutel('intrekking'), namens, overdrachtId: input.overdrachtId, reden: 'afgewezen' });
          dossierBijOntvanger = false;
        } else await wachtOpWijziging();
        break;
      case 'geaccepteerd':
      case 'driegesprek-gepland':
        bewaking = { ...bewaking, termijn: undefined };
        await wachtOpWijziging();
        break;
      case 'driegesprek-gehouden':
        neem({ soort: 'nazorg-gestart' });
        await registreer({ gebeurtenis: 'driegesprek-gehouden', gegevens: { op: t.driegesprekGehoudenOp ?? vandaag() } });
        break;
      case 'nazorg-volgperiode': {
        const volgende = volgendeCheckin(t, vandaag(), i);
        if ('stap' in volgende) neem(volgende.stap);
        else if (!(await wachtOpWijziging(startOfAmsterdamDate(volgende.checkin)))) {
          neem({ soort: 'nazorg-checkin', op: volgende.checkin });
          await registreer({
            gebeurtenis: 'nazorg-checkin',
            taak: { voor: 'zender', soort: 'nazorg-checkin', vervalt: volgende.checkin },
            gegevens: { nummer: t.checkins.length },
          });
        }
        break;
      }
    }
  }

  await condition(allHandlersFinished);
  await verwerkEffecten();

  const slot = afsluiting(t, dossierBijOntvanger, nieuweRegievoerder, input.ontvanger.organisatie);
  if (slot.intrekking) {
    await act.withdrawDossier({ sleutel: sleutel('intrekking'), namens, overdrachtId: input.overdrachtId, reden: slot.intrekking.reden });
    await registreer(slot.intrekking.melding);
  }
  let trajectBijgewerkt = input.trajectId !== undefined;
  if (slot.nieuweRegie && input.trajectId) {
    try {
      await act.reportLeadTransfer({ sleutel: sleutel('regiewissel'), trajectId: input.trajectId, datum: vandaag(), regie: slot.nieuweRegie });
    } catch (error) {
      // The traject refused the new lead (permanent failure): the handover itself is done; the regievoerder sorts out the traject.
      if (!(error instanceof ActivityFailure)) throw error;
      trajectBijgewerkt = false;
    }
  }
  await registreer(
    slotMelding(t, { ...einde, ...(slot.nieuweRegie ? { nieuweRegie: slot.nieuweRegie } : {}), trajectBijgewerkt, metTraject: input.trajectId !== undefined }),
  );
  return {
    overdrachtId: input.overdrachtId,
    status: t.status as OverdrachtUitkomst['status'],
    afwijzingen: t.afwijzingen,
    ...(slot.nieuweRegie ? { nieuweRegie: slot.nieuweRegie } : {}),
  };
}
