import type { OrganisatieType, Rol } from '@ketenregie/shared-kernel';

/**
 * What an organisation is to a deelnemer, a traject, or one handover or referral. The traject
 * context owns the first four (effective-dated, see its `betrokkenheid` table); the exchange
 * context knows the last two of its own requests.
 *
 * - `aanmelder`: registered the deelnemer or started the traject (the gemeente's aanmelding);
 * - `regievoerder`: holds the lead (regie) of a running traject;
 * - `coach-organisatie`: provides the traject's coach;
 * - `ontvanger`: received the deelnemer through an accepted handover or referral;
 * - `verzender`: sent this handover or referral;
 * - `geadresseerde`: is asked to accept this handover or referral (not yet involved with the deelnemer);
 * - `werkgever`: is the employer of this vacancy or placement (the plaatsing context's own data);
 * - `plaatsing-jobcoach`: the caller is the jobcoach who coaches this placement (the plaatsing context's own data);
 * - `convenant-partij`: is a party of this convenant (the monitoring context's own data).
 */
export const BETROKKENHEDEN = [
  'aanmelder',
  'regievoerder',
  'coach-organisatie',
  'ontvanger',
  'verzender',
  'geadresseerde',
  'werkgever',
  'plaatsing-jobcoach',
  'convenant-partij',
] as const;
/** One of {@link BETROKKENHEDEN}. */
export type Betrokkenheid = (typeof BETROKKENHEDEN)[number];

/** The involvements with a deelnemer or a traject (not with one request). */
export const TRAJECT_BETROKKENHEDEN: readonly Betrokkenheid[] = ['aanmelder', 'regievoerder', 'coach-organisatie', 'ontvanger'];

/** Roles of professionals who work with deelnemers. */
export const PROFESSIONELE_ROLLEN: readonly Rol[] = ['klantmanager', 'coach', 'jobcoach', 'behandelaar'];

/**
 * Which roles a person of each kind of organisation can act in. Every partner sits in the
 * stuurgroep; the functionaris gegevensbescherming (`fg`) is the gemeente's. The `deelnemer`
 * role belongs to no organisation.
 */
export const ROLLEN_PER_ORGANISATIE_TYPE: Readonly<Record<OrganisatieType, readonly Rol[]>> = {
  gemeente: ['klantmanager', 'fg', 'stuurgroeplid'],
  uitvoerder: ['coach', 'jobcoach', 'stuurgroeplid'],
  werkgever: ['jobcoach', 'stuurgroeplid'],
  ggz: ['behandelaar', 'stuurgroeplid'],
  schuldhulp: ['coach', 'stuurgroeplid'],
  wijkteam: ['coach', 'stuurgroeplid'],
};

/** True when `rol` fits an organisation of type `type`. */
export function rolPastBijType(rol: Rol, type: OrganisatieType): boolean {
  return ROLLEN_PER_ORGANISATIE_TYPE[type].includes(rol);
}

/**
 * Who asks. Every field comes from the server: the role and deelnemer id from the verified token,
 * the organisation type from the organisation registry (never from the token or the body).
 */
export interface Actor {
  readonly rol: Rol;
  /** The type the registry holds for the actor's organisation; absent for a deelnemer. */
  readonly organisatieType?: OrganisatieType;
  /** A service acting for itself or for a professional (service token, scope `ketenregie:intern`). */
  readonly dienst: boolean;
  /** The deelnemer a `deelnemer` token signs in as. */
  readonly deelnemerId?: string;
}

/** What is acted upon: the deelnemer whose data it is, as the server holds it. */
export interface Resource {
  readonly deelnemerId?: string;
}

/** The facts a decision needs beyond the actor, gathered by the service that owns them. */
export interface Feiten {
  /** The involvements the actor's organisation holds now with the resource (empty: not involved). */
  readonly betrokkenheid: readonly Betrokkenheid[];
  /** The consent decision for this handover or referral permitted the disclosure to its receiver. */
  readonly toestemming?: boolean;
}

/** One way to be allowed an action; a rule allows when any of its ways matches. */
export interface Toegang {
  /** Roles this way is for; `dienst` is a service token, `deelnemer-zelf` the deelnemer the data is about. */
  readonly rollen: readonly Rol[] | 'dienst' | 'deelnemer-zelf' | 'iedereen';
  /** Only for these organisation types (from the registry). */
  readonly types?: readonly OrganisatieType[];
  /** Only when the actor's organisation holds one of these involvements. */
  readonly betrokken?: readonly Betrokkenheid[];
  /** Only when the consent decision permitted it ({@link Feiten.toestemming}). */
  readonly toestemming?: true;
}

/** A rule of the table: what the action is, in the domain's words, and who may do it. */
export interface Regel {
  readonly omschrijving: string;
  readonly toegang: readonly Toegang[];
}

const P = PROFESSIONELE_ROLLEN;
const ALLE_BETROKKENEN = TRAJECT_BETROKKENHEDEN;
const TRAJECT_WERKERS: readonly Betrokkenheid[] = ['regievoerder', 'coach-organisatie'];
const FG_GEMEENTE: Toegang = { rollen: ['fg'], types: ['gemeente'] };
const ZELF: Toegang = { rollen: 'deelnemer-zelf' };
const DIENST: Toegang = { rollen: 'dienst' };
/** The sender of a handover or referral. */
const VERZENDER: Toegang = { rollen: P, betrokken: ['verzender'] };
/** Its receiver, once the consent decision permits it. */
const GEADRESSEERDE: Toegang = { rollen: P, betrokken: ['geadresseerde'], toestemming: true };

/**
 * The rule table: every action on personal data or on a traject, and who may perform it.
 * `docs/access.md` is this table in prose; the access-matrix test checks every route of the running
 * stack against a hand-written table of its own.
 */
export const REGELS = {
  'programmas.lezen': { omschrijving: 'Read the programme catalogue (no personal data)', toegang: [{ rollen: 'iedereen' }] },
  'programmas.beheren': {
    omschrijving: 'Set up a programme (aanpak) or publish a new version of it (no personal data)',
    toegang: [{ rollen: ['klantmanager'], types: ['gemeente'] }],
  },
  'stuurgroepen.lezen': { omschrijving: 'Read the stuurgroepen and their members (no personal data)', toegang: [{ rollen: 'iedereen' }] },
  'deelnemer.registreren': { omschrijving: 'Register a deelnemer (aanmelding)', toegang: [{ rollen: ['klantmanager'], types: ['gemeente'] }] },
  'betrokkenheid.lezen': {
    omschrijving: "Read how the caller's own organisation is involved with a deelnemer (the other contexts' access facts)",
    toegang: [{ rollen: P }],
  },
  'deelnemer.bestaan.toetsen': {
    omschrijving: 'Check that a deelnemer exists before the demo login signs them in (the gateway, service token only; no personal data)',
    toegang: [DIENST],
  },
  'deelnemer.lezen': { omschrijving: "Read a deelnemer's personal data and trajecten", toegang: [{ rollen: P, betrokken: ALLE_BETROKKENEN }] },
  'traject.starten': {
    omschrijving: 'Start a traject for a deelnemer the gemeente registered (aanmelding)',
    toegang: [{ rollen: ['klantmanager'], types: ['gemeente'], betrokken: ['aanmelder'] }],
  },
  'traject.lezen': { omschrijving: "Read a traject's overview and timeline", toegang: [{ rollen: P, betrokken: ALLE_BETROKKENEN }] },
  'traject.samenvatting.lezen': {
    omschrijving: "Read a traject's overview (phase, status, deadlines)",
    toegang: [{ rollen: P, betrokken: ALLE_BETROKKENEN }, ZELF],
  },
  'traject.uitvoeren': {
    omschrijving: 'Record the work of a traject: contacts, intake, diagnosis, plan, measurements, evaluations, pauses, drop-out, closing',
    toegang: [{ rollen: P, betrokken: TRAJECT_WERKERS }],
  },
  'traject.coach.vervangen': {
    omschrijving: 'Replace the coach by a colleague of the same coach organisation',
    toegang: [{ rollen: P, betrokken: TRAJECT_WERKERS }],
  },
  'traject.regie.wijzigen': {
    omschrijving: 'Move the lead, assign or change the coach organisation, extend or reopen a traject (the regievoerder only)',
    toegang: [{ rollen: P, betrokken: ['regievoerder'] }],
  },
  'casuistiekoverleg.vastleggen': {
    omschrijving: 'Record a case meeting a traject was discussed in and which involved organisations attended (the regievoerder; organisations only)',
    toegang: [{ rollen: P, betrokken: ['regievoerder'] }],
  },
  'taken.lezen': { omschrijving: "Read one's own tasks", toegang: [{ rollen: P }] },
  'trajecten.zoeken': {
    omschrijving: "List the trajecten the caller's organisation is involved in (each one also as traject.samenvatting.lezen)",
    toegang: [{ rollen: P }],
  },
  'signalen.lezen': {
    omschrijving:
      "Read the regievoerder's signals (drop-outs, consent refused or withdrawn, escalations, lead changes) of the trajecten the caller's organisation leads or registered",
    toegang: [{ rollen: P }],
  },
  'caseload.overdragen': { omschrijving: "Move a leaving coach's caseload to a colleague of the same organisation", toegang: [{ rollen: P }] },
  'toestemming.vastleggen': { omschrijving: 'Record a consent for a deelnemer', toegang: [{ rollen: P, betrokken: ALLE_BETROKKENEN }] },
  'toestemming.lezen': {
    omschrijving: "Read a deelnemer's consents (every read is logged)",
    toegang: [{ rollen: P, betrokken: ALLE_BETROKKENEN }, ZELF, FG_GEMEENTE],
  },
  'toestemming.intrekken': { omschrijving: 'Withdraw a consent', toegang: [{ rollen: P, betrokken: ALLE_BETROKKENEN }, ZELF] },
  'herinneringen.lezen': { omschrijving: "Read one's own consent expiry reminders", toegang: [{ rollen: P }] },
  'besluit.vragen': {
    omschrijving: "Ask whether the caller's organisation may disclose a deelnemer's data to another",
    toegang: [{ rollen: P, betrokken: ALLE_BETROKKENEN }],
  },
  'verwerking.melden': { omschrijving: 'Write a line in the processing log (the services themselves)', toegang: [DIENST] },
  'verwerkingslog.lezen': { omschrijving: 'Read and verify the processing log and the processing register', toegang: [FG_GEMEENTE] },
  'vrijgaveprofiel.lezen': {
    omschrijving: 'Read what each recipient type may get for a purpose, and what needs consent (release profiles, no personal data)',
    toegang: [{ rollen: P }, FG_GEMEENTE],
  },
  'codec.gebruiken': {
    omschrijving: "Decode Temporal payloads with the deelnemers' keys to read workflow histories in Temporal's tooling",
    toegang: [FG_GEMEENTE],
  },
  'deelnemer.wissen': {
    omschrijving: "Erase a deelnemer's data on a lawful request (AVG art. 17) by destroying their key",
    toegang: [FG_GEMEENTE],
  },
  'inzage.opstellen': {
    omschrijving: "Compile a deelnemer's inzage (consents and processing log)",
    toegang: [ZELF, { rollen: P, betrokken: ALLE_BETROKKENEN }, FG_GEMEENTE],
  },
  'inbox.lezen': { omschrijving: "Read the organisation's inbox of handovers and referrals", toegang: [{ rollen: P }] },
  'overdracht.aanvragen': {
    omschrijving: 'Ask another organisation to take over the lead (warme overdracht)',
    toegang: [{ rollen: P, betrokken: TRAJECT_WERKERS }],
  },
  'overdracht.lezen': {
    omschrijving: 'See a handover: the sender always, the receiver once the consent decision permits it',
    toegang: [VERZENDER, GEADRESSEERDE],
  },
  'overdracht.beantwoorden': { omschrijving: 'Accept or reject a handover', toegang: [GEADRESSEERDE] },
  'overdracht.sturen': { omschrijving: "Report on consent, cancel or offer again (the sender's steps)", toegang: [VERZENDER] },
  'overdracht.driegesprek': {
    omschrijving: 'Plan or confirm the driegesprek',
    toegang: [VERZENDER, GEADRESSEERDE],
  },
  'dossier.lezen': {
    omschrijving: 'Read the minimal handover dossier (every attempt is logged)',
    toegang: [GEADRESSEERDE],
  },
  'dossier.inzagen.lezen': {
    omschrijving: 'See who read the handover dossier',
    toegang: [VERZENDER, GEADRESSEERDE],
  },
  'overdracht.workflowstap': {
    omschrijving: "Deliver, withdraw and record the steps of a handover (the worker, on the sender's behalf)",
    toegang: [{ rollen: 'dienst', betrokken: ['verzender'] }],
  },
  'verwijzing.aanvragen': {
    omschrijving: 'Refer a deelnemer to another organisation (after a consent decision)',
    toegang: [{ rollen: P, betrokken: TRAJECT_WERKERS }],
  },
  'ontvanger.vastleggen': {
    omschrijving: "Record the receiver of a referral that consent permitted as `ontvanger` in the sender's trajecten (exchange-service, acting for the sender)",
    toegang: [{ rollen: 'dienst', betrokken: TRAJECT_WERKERS }],
  },
  'ontvanger.beeindigen': {
    omschrijving:
      "End a receiver's `ontvanger` involvement when its referral ends (exchange-service) or the consent that carried it was withdrawn or expired (consent-service, the worker); service token only",
    toegang: [DIENST],
  },
  'verwijzing.lezen': {
    omschrijving: 'See a referral: the sender always, the receiver once the consent decision permits it',
    toegang: [VERZENDER, GEADRESSEERDE],
  },
  'verwijzing.status.melden': {
    omschrijving: 'Report the status of a referral (the receiver)',
    toegang: [GEADRESSEERDE],
  },
  'abonnement.beheren': { omschrijving: "Manage the organisation's webhook subscriptions", toegang: [{ rollen: P }] },
  'werkgever.beheren': {
    omschrijving: "Keep the employer's own profile (contact person and deputy) and vacancies",
    toegang: [{ rollen: P, types: ['werkgever'], betrokken: ['werkgever'] }],
  },
  'vacatures.lezen': {
    omschrijving: "Read vacancies (no personal data): an employer its own, the partnership's coaches and klantmanagers all",
    toegang: [
      { rollen: P, types: ['werkgever'], betrokken: ['werkgever'] },
      { rollen: P, types: ['gemeente', 'uitvoerder', 'schuldhulp', 'wijkteam'] },
    ],
  },
  'plaatsing.voordragen': {
    omschrijving: 'Propose a deelnemer for a vacancy (what the employer sees is decided by consent)',
    toegang: [{ rollen: P, betrokken: TRAJECT_WERKERS }],
  },
  'plaatsingen.lijst': { omschrijving: "List the placements one's organisation employs, proposed or leads, or that one coaches", toegang: [{ rollen: P }] },
  'plaatsing.lezen': {
    omschrijving: 'Read a placement with what was released of the deelnemer (not the employer: it has the werkgeversoverzicht)',
    toegang: [{ rollen: P, betrokken: ['coach-organisatie', 'regievoerder', 'plaatsing-jobcoach'] }],
  },
  'plaatsing.uitvoeren': {
    omschrijving: 'Record the course of a placement: kennismaking, evaluation, loonwaarde, contract, check-ins, drop-out, the contact person leaving',
    toegang: [{ rollen: P, betrokken: ['werkgever', 'coach-organisatie', 'plaatsing-jobcoach'] }],
  },
  'plaatsing.subsidie.besluiten': {
    omschrijving: 'Decide and re-assess the loonkostensubsidie (the gemeente leading the traject)',
    toegang: [{ rollen: ['klantmanager'], types: ['gemeente'], betrokken: ['regievoerder'] }],
  },
  'werkgeversoverzicht.lezen': {
    omschrijving: "Read the employer's own placements, agreements, deadlines, whom to call and the support available",
    toegang: [{ rollen: P, types: ['werkgever'] }],
  },
  'gebeurtenissen.lezen': {
    omschrijving: "Read a context's published events as a feed (monitor-service's projection; service token only, no personal data)",
    toegang: [DIENST],
  },
  'convenant.lezen': {
    omschrijving: 'Read the convenanten the own organisation is a party to (no personal data)',
    toegang: [{ rollen: ['stuurgroeplid'] }],
  },
  'convenant.beheren': {
    omschrijving: 'Set up a convenant or record an amendment as a new version (the gemeente, no personal data)',
    toegang: [{ rollen: ['stuurgroeplid'], types: ['gemeente'] }],
  },
  'inzet.registreren': {
    omschrijving:
      'Register the hours and expertise the own organisation delivered under a convenant it is a party to (organisations and codes, no personal data)',
    toegang: [{ rollen: [...P, 'stuurgroeplid'], betrokken: ['convenant-partij'] }],
  },
  'inzet.lezen': {
    omschrijving:
      "Read the hours the own organisation registered under a convenant it is a party to (the other parties' only through the afspraken, with small figures suppressed)",
    toegang: [{ rollen: [...P, 'stuurgroeplid'], betrokken: ['convenant-partij'] }],
  },
  'inzet.alle.lezen': {
    omschrijving: "Read every party's registered hours under a convenant (the gemeente that is a party)",
    toegang: [{ rollen: [...P, 'stuurgroeplid'], types: ['gemeente'], betrokken: ['convenant-partij'] }],
  },
  'indicatoren.lezen': {
    omschrijving: "Read the convenant's indicators and pilot reports: aggregates with small cells suppressed, never personal data",
    toegang: [{ rollen: ['stuurgroeplid'] }],
  },
} as const satisfies Record<string, Regel>;

/** An action the policy decides on: a key of {@link REGELS}. */
export type Handeling = keyof typeof REGELS;

/** Every action, in table order. */
export const HANDELINGEN = Object.keys(REGELS) as Handeling[];

/** Why an action was refused. */
export type WeigerReden =
  | 'rol-past-niet-bij-organisatie'
  | 'rol-niet-toegestaan'
  | 'organisatietype-niet-toegestaan'
  | 'niet-betrokken'
  | 'geen-toestemming'
  | 'niet-de-eigen-gegevens'
  | 'alleen-dienst';

/** The outcome of {@link beslis}. */
export type Beslissing = { readonly toegestaan: true } | { readonly toegestaan: false; readonly geweigerd: true; readonly reden: WeigerReden };

const TOEGESTAAN: Beslissing = Object.freeze({ toegestaan: true });
const weiger = (reden: WeigerReden): Beslissing => ({ toegestaan: false, geweigerd: true, reden });

/** Why `toegang` does not allow it, or undefined when it does. */
function toets(toegang: Toegang, actor: Actor, resource: Resource, feiten: Feiten): WeigerReden | undefined {
  if (toegang.rollen === 'iedereen') return undefined;
  if (toegang.rollen === 'dienst') {
    if (!actor.dienst) return 'alleen-dienst';
    return toegang.betrokken && !toegang.betrokken.some((b) => feiten.betrokkenheid.includes(b)) ? 'niet-betrokken' : undefined;
  }
  if (toegang.rollen === 'deelnemer-zelf') {
    if (actor.rol !== 'deelnemer') return 'rol-niet-toegestaan';
    return actor.deelnemerId !== undefined && actor.deelnemerId === resource.deelnemerId ? undefined : 'niet-de-eigen-gegevens';
  }
  if (!toegang.rollen.includes(actor.rol)) return 'rol-niet-toegestaan';
  if (toegang.types && (!actor.organisatieType || !toegang.types.includes(actor.organisatieType))) return 'organisatietype-niet-toegestaan';
  if (toegang.betrokken && !toegang.betrokken.some((b) => feiten.betrokkenheid.includes(b))) return 'niet-betrokken';
  if (toegang.toestemming && feiten.toestemming !== true) return 'geen-toestemming';
  return undefined;
}

/** How close a refusal came: the most specific reason is reported. */
const SPECIFICITEIT: readonly WeigerReden[] = [
  'alleen-dienst',
  'rol-niet-toegestaan',
  'organisatietype-niet-toegestaan',
  'niet-de-eigen-gegevens',
  'niet-betrokken',
  'geen-toestemming',
];

/**
 * Decides whether `actor` may perform `handeling` on `resource`, given the facts the server holds.
 * Pure: the same input always gives the same decision. A person's role must fit the type the
 * registry holds for their organisation; then the action is allowed when any way of its rule
 * ({@link REGELS}) matches. A refusal names the most specific reason.
 */
export function beslis(actor: Actor, handeling: Handeling, resource: Resource, feiten: Feiten): Beslissing {
  if (actor.rol !== 'deelnemer' && (!actor.organisatieType || !rolPastBijType(actor.rol, actor.organisatieType))) {
    if (!actor.dienst || !REGELS[handeling].toegang.some((t) => t.rollen === 'dienst')) return weiger('rol-past-niet-bij-organisatie');
  }
  if (actor.rol === 'deelnemer' && actor.deelnemerId === undefined) return weiger('rol-past-niet-bij-organisatie');
  const redenen: WeigerReden[] = [];
  for (const toegang of REGELS[handeling].toegang as readonly Toegang[]) {
    const reden = toets(toegang, actor, resource, feiten);
    if (reden === undefined) return TOEGESTAAN;
    redenen.push(reden);
  }
  return weiger(redenen.sort((a, b) => SPECIFICITEIT.indexOf(b) - SPECIFICITEIT.indexOf(a))[0] ?? 'rol-niet-toegestaan');
}
