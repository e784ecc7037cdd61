import {
  aanZet,
  acceptatieTermijn,
  DOSSIER_BEHOEFTE,
  instellingen,
  isEindstatus,
  nazorgCheckins,
  NIEUWE_OVERDRACHT,
  onbereikbaarOp,
  toestemmingTermijn,
  volgendeToestand,
} from '@ketenregie/exchange-domain';
import { toestemmingBeeindigdSignal } from '@ketenregie/consent-contracts';
import {
  acceptatieUpdate,
  afwijzingUpdate,
  annuleringUpdate,
  driegesprekUpdate,
  heraanbiedingUpdate,
  ontvangerOnbereikbaarSignal,
  overdrachtQuery,
  toestemmingUpdate,
} from '@ketenregie/exchange-contracts';
import type {
  DriegesprekOpdracht,
  ExchangeActivities,
  Namens,
  ExchangeEventType,
  OverdrachtStap,
  OverdrachtToestand,
  OverdrachtUitkomst,
  OverdrachtWeergave,
  OverdrachtWorkflowInput,
  StapRegistratie,
  TaakOpdracht,
  Termijn,
} from '@ketenregie/exchange-contracts';
import { amsterdamDate, isDomainError, startOfAmsterdamDate } from '@ketenregie/shared-kernel';
import { ActivityFailure, allHandlersFinished, ApplicationFailure, condition, patched, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';

const act = proxyActivities<ExchangeActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '5 minutes' },
});

type LopendeTermijn = Termijn & { readonly soort: 'toestemming' | 'acceptatie' };

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

  let t: OverdrachtToestand = NIEUWE_OVERDRACHT;
  let versie = 0;
  let stapnummer = 0;
  let termijn: LopendeTermijn | undefined;
  let herinneringVerstuurd = false;
  let geescaleerd = false;
  let herbeoordelen = true;
  let dossierBijOntvanger = false;
  let nieuweRegievoerder: string | undefined;
  /** Coded reason shown with the end state (cancellation reason, failed deliveries). */
  let eindReden: string | undefined;
  let mislukteBezorgingen: number | undefined;
  const afhankelijkVan = new Set<string>();
  const effecten: StapRegistratie[] = [];

  const neem = (stap: OverdrachtStap) => {
    t = volgendeToestand(t, stap);
    versie += 1;
  };
  const sleutel = (naam: string) => `${workflowId}/${++stapnummer}/${naam}`;
  type Extra = Omit<StapRegistratie, 'sleutel' | 'namens' | 'overdrachtId' | 'status' | 'gebeurtenis'>;
  const registreer = (gebeurtenis: ExchangeEventType, extra: Extra = {}) =>
    act.registreerStap({ sleutel: sleutel(gebeurtenis), namens, overdrachtId: input.overdrachtId, status: t.status, gebeurtenis, ...extra });
  /** Queued by handlers (which must answer at once), recorded by the main loop in order. */
  const meld = (gebeurtenis: ExchangeEventType, extra: Extra = {}) =>
    effecten.push({ sleutel: '', namens, overdrachtId: input.overdrachtId, status: t.status, gebeurtenis, ...extra });
  const verwerkEffecten = async () => {
    while (effecten.length > 0) {
      const e = effecten.shift() as StapRegistratie;
      await act.registreerStap({ ...e, sleutel: sleutel(e.gebeurtenis) });
    }
  };
  const taak = (voor: TaakOpdracht['voor'], soort: TaakOpdracht['soort'], vervalt?: string): TaakOpdracht => ({ voor, soort, ...(vervalt ? { vervalt } : {}) });

  const weergave = (): OverdrachtWeergave => ({
    overdrachtId: input.overdrachtId,
    status: t.status,
    aanZet: aanZet(t.status),
    toestand: t,
    ...(termijn && !isEindstatus(t.status) ? { termijn } : {}),
    herinneringVerstuurd,
    geescaleerd,
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
      meld('nl.ketenregie.overdracht.geaccepteerd', { taak: taak('zender', 'driegesprek-plannen') });
      return weergave();
    },
    { validator: (o) => valideer({ soort: 'acceptatie', door: o.door, op: vandaag() }) },
  );

  setHandler(
    afwijzingUpdate,
    (o) => {
      neem({ soort: 'afwijzing', reden: o.reden, advies: o.advies, op: vandaag() });
      if (t.status === 'afgewezen') meld('nl.ketenregie.overdracht.afgewezen', { taak: taak('zender', 'afwijzing-opvolgen'), gegevens: { reden: o.reden } });
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

  const toestemmingStap = (soort: 'gevraagd' | 'vastgelegd' | 'geweigerd'): OverdrachtStap =>
    soort === 'geweigerd'
      ? { soort: 'toestemming-geweigerd' }
      : soort === 'gevraagd'
        ? { soort: 'toestemming-gevraagd' }
        : { soort: 'besluit', uitkomst: 'toegestaan' };
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

  const driegesprekStap = (o: DriegesprekOpdracht): OverdrachtStap =>
    o.soort === 'gepland'
      ? { soort: 'driegesprek-gepland', datum: o.datum }
      : o.soort === 'gehouden'
        ? { soort: 'driegesprek-gehouden', op: vandaag() }
        : { soort: 'driegesprek-no-show', wie: o.wie };
  setHandler(
    driegesprekUpdate,
    (o) => {
      neem(driegesprekStap(o));
      if (o.soort === 'gepland') meld('nl.ketenregie.overdracht.driegesprek-gepland', { gegevens: { datum: o.datum } });
      if (o.soort === 'no-show')
        meld('nl.ketenregie.overdracht.driegesprek-no-show', { taak: taak('zender', 'driegesprek-plannen'), gegevens: { wie: o.wie } });
      return weergave();
    },
    { validator: (o) => valideer(driegesprekStap(o)) },
  );

  setHandler(
    annuleringUpdate,
    (o) => {
      neem({ soort: 'geannuleerd' });
      eindReden = o.reden;
      return weergave();
    },
    { validator: (_o) => valideer({ soort: 'geannuleerd' }) },
  );

  setHandler(toestemmingBeeindigdSignal, (einde) => {
    if (!afhankelijkVan.has(einde.toestemmingId) || isEindstatus(t.status)) return;
    // Handovers that learnt of an expiry before it had a state of its own keep ending as withdrawn.
    neem({ soort: einde.reden === 'verlopen' && patched('toestemming-verlopen') ? 'toestemming-verlopen' : 'toestemming-ingetrokken' });
  });

  setHandler(ontvangerOnbereikbaarSignal, (m) => {
    if (m.organisatie !== input.ontvanger.organisatie || t.status !== 'dossier-geleverd') return;
    neem({ soort: 'ontvanger-onbereikbaar' });
    eindReden = 'bezorging-mislukt';
    mislukteBezorgingen = m.pogingen;
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

  /** Reminder, then escalation of the running term; false when the term has nothing left to wait for. */
  const bewaakTermijn = async (herinnering: ExchangeEventType, escalatie: ExchangeEventType, voor: TaakOpdracht['voor']): Promise<boolean> => {
    if (!termijn) return false;
    if (!herinneringVerstuurd) {
      if (await wachtOpWijziging(startOfAmsterdamDate(termijn.herinnering))) return true;
      herinneringVerstuurd = true;
      await registreer(herinnering, {
        termijn,
        taak: taak(voor, termijn.soort === 'acceptatie' ? 'acceptatie-herinnering' : 'toestemming-herinnering', termijn.uiterlijk),
      });
      return true;
    }
    if (!geescaleerd) {
      if (await wachtOpWijziging(startOfAmsterdamDate(termijn.escalatie))) return true;
      geescaleerd = true;
      await registreer(escalatie, { termijn, taak: taak('regievoerder', termijn.soort === 'acceptatie' ? 'acceptatie-escalatie' : 'toestemming-escalatie') });
      return true;
    }
    return false;
  };

  const nieuweTermijn = (nieuw: LopendeTermijn) => {
    termijn = nieuw;
    herinneringVerstuurd = false;
    geescaleerd = false;
  };

  await registreer('nl.ketenregie.overdracht.aangevraagd');

  while (true) {
    await verwerkEffecten();
    if (isEindstatus(t.status)) break;
    switch (t.status) {
      case 'aangevraagd':
      case 'toestemming-nodig':
      case 'toestemming-gevraagd': {
        if (!herbeoordelen) {
          if (!(await bewaakTermijn('nl.ketenregie.overdracht.toestemming-herinnering', 'nl.ketenregie.overdracht.toestemming-geescaleerd', 'zender'))) {
            await wachtOpWijziging();
          }
          break;
        }
        herbeoordelen = false;
        const besluit = await act.vraagBesluit({
          overdrachtId: input.overdrachtId,
          deelnemerId: input.deelnemerId,
          zender: input.zender,
          ontvanger: input.ontvanger,
          categorieen,
        });
        if (isEindstatus(t.status)) break;
        if (besluit.uitkomst === 'toestemming-nodig') {
          const eerste = t.status === 'aangevraagd';
          neem({ soort: 'besluit', uitkomst: 'toestemming-nodig' });
          if (eerste) {
            nieuweTermijn({ soort: 'toestemming', ...toestemmingTermijn(vandaag(), i) });
            await registreer('nl.ketenregie.overdracht.toestemming-nodig', {
              termijn,
              taak: taak('zender', 'toestemming-verkrijgen', termijn?.uiterlijk),
              gegevens: { ontbrekend: besluit.ontbrekend.join(',') },
            });
          }
          break;
        }
        if (besluit.vrijgaven.length === 0 && patched('niets-vrijgegeven')) {
          // The decision permits no field at all: nothing goes out, and the receiver is never told.
          neem({ soort: 'niets-vrijgegeven' });
          break;
        }
        if (besluit.toestemmingen.length > 0) {
          besluit.toestemmingen.forEach((id) => afhankelijkVan.add(id));
          const { actief } = await act.registreerAfhankelijkheid({ toestemmingen: besluit.toestemmingen, workflowId });
          if (!actief) {
            // The consent ended between the decision and the registration: decide again.
            herbeoordelen = true;
            break;
          }
        }
        if (isEindstatus(t.status)) break;
        const levering = await act.leverDossier({
          sleutel: sleutel('dossier'),
          namens,
          overdrachtId: input.overdrachtId,
          besluitId: besluit.besluitId,
          vrijgaven: besluit.vrijgaven,
        });
        dossierBijOntvanger = true;
        if (isEindstatus(t.status)) break;
        neem({ soort: 'dossier-geleverd', op: vandaag() });
        nieuweTermijn({ soort: 'acceptatie', ...acceptatieTermijn(vandaag(), i) });
        await registreer('nl.ketenregie.overdracht.dossier-geleverd', {
          termijn,
          taak: taak('ontvanger', 'acceptatie-herinnering', termijn?.uiterlijk),
          gegevens: { categorieen: levering.categorieen.join(',') },
        });
        break;
      }
      case 'dossier-geleverd': {
        if (await bewaakTermijn('nl.ketenregie.overdracht.acceptatie-herinnering', 'nl.ketenregie.overdracht.acceptatie-geescaleerd', 'ontvanger')) break;
        if (!termijn) await wachtOpWijziging();
        else if (!(await wachtOpWijziging(startOfAmsterdamDate(onbereikbaarOp(termijn, i))))) neem({ soort: 'ontvanger-onbereikbaar' });
        break;
      }
      case 'afgewezen': {
        if (dossierBijOntvanger) {
          await act.trekDossierIn({ sleutel: sleutel('intrekking'), namens, overdrachtId: input.overdrachtId, reden: 'afgewezen' });
          dossierBijOntvanger = false;
          break;
        }
        await wachtOpWijziging();
        break;
      }
      case 'geaccepteerd':
      case 'driegesprek-gepland':
        termijn = undefined;
        await wachtOpWijziging();
        break;
      case 'driegesprek-gehouden':
        neem({ soort: 'nazorg-gestart' });
        await registreer('nl.ketenregie.overdracht.driegesprek-gehouden', { gegevens: { op: t.driegesprekGehoudenOp ?? vandaag() } });
        break;
      case 'nazorg-volgperiode': {
        const volgende = nazorgCheckins(t.driegesprekGehoudenOp ?? vandaag(), i)[t.checkins.length];
        if (volgende === undefined) {
          neem({ soort: 'regie-overgedragen', op: vandaag() });
          break;
        }
        if (await wachtOpWijziging(startOfAmsterdamDate(volgende))) break;
        neem({ soort: 'nazorg-checkin', op: volgende });
        await registreer('nl.ketenregie.overdracht.nazorg-checkin', {
          taak: taak('zender', 'nazorg-checkin', volgende),
          gegevens: { nummer: t.checkins.length },
        });
        break;
      }
    }
  }

  await condition(allHandlersFinished);
  await verwerkEffecten();

  if (dossierBijOntvanger && t.status !== 'regie-overgedragen') {
    const reden = t.status === 'toestemming-ingetrokken' || t.status === 'toestemming-verlopen' ? t.status : 'beeindigd';
    await act.trekDossierIn({ sleutel: sleutel('intrekking'), namens, overdrachtId: input.overdrachtId, reden });
    await registreer('nl.ketenregie.overdracht.dossier-ingetrokken', { taak: taak('ontvanger', 'overdracht-beeindigd'), gegevens: { reden: t.status } });
  }
  const nieuweRegie =
    t.status === 'regie-overgedragen' && nieuweRegievoerder ? { regievoerderId: nieuweRegievoerder, organisatieId: input.ontvanger.organisatie } : undefined;
  if (nieuweRegie) {
    let trajectBijgewerkt = input.trajectId !== undefined;
    if (input.trajectId) {
      try {
        await act.meldRegiewissel({ sleutel: sleutel('regiewissel'), trajectId: input.trajectId, datum: vandaag(), regie: nieuweRegie });
      } catch (error) {
        // The traject refused the new lead (permanent failure): the handover itself is done; the regievoerder sorts out the traject.
        if (!(error instanceof ActivityFailure)) throw error;
        trajectBijgewerkt = false;
      }
    }
    await registreer('nl.ketenregie.overdracht.regie-overgedragen', {
      gegevens: { organisatie: nieuweRegie.organisatieId, trajectBijgewerkt },
      ...(input.trajectId && !trajectBijgewerkt ? { taak: taak('regievoerder', 'overdracht-beeindigd') } : {}),
    });
  } else {
    await registreer('nl.ketenregie.overdracht.beeindigd', {
      taak: taak('regievoerder', 'overdracht-beeindigd'),
      gegevens: {
        status: t.status,
        ...(eindReden ? { reden: eindReden } : {}),
        ...(mislukteBezorgingen !== undefined ? { pogingen: mislukteBezorgingen } : {}),
      },
    });
  }
  return {
    overdrachtId: input.overdrachtId,
    status: t.status as OverdrachtUitkomst['status'],
    afwijzingen: t.afwijzingen,
    ...(nieuweRegie ? { nieuweRegie } : {}),
  };
}
