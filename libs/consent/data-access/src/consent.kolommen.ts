import {
  type Besluit,
  type Bewijs,
  type DataCategorie,
  type OrganisatieSelector,
  type Toestemming,
  type ToestemmingGebeurtenis,
  uitkomst,
  type Verlener,
  type Verwerkingsregel,
} from '@ketenregie/consent-domain';

/** A `toestemming` row's fields. */
export interface ToestemmingRij {
  readonly id: string;
  readonly deelnemerId: string;
  readonly verlener: unknown;
  readonly doel: string;
  readonly categorieen: string[];
  readonly bronnen: unknown;
  readonly ontvangers: unknown;
  readonly geldigVanaf: Date;
  readonly geldigTot: Date;
  readonly bewijs: unknown;
  readonly vervangt: string | null;
}

/** A `toestemming_status` row's fields: one event of a consent's status history (append-only). */
export interface StatusRij {
  readonly toestemmingId: string;
  readonly volgnummer: number;
  readonly status: string;
  readonly op: Date;
  readonly door: string | null;
  readonly reden: string | null;
  readonly vervangenDoor: string | null;
}

function gebeurtenis(rij: StatusRij): ToestemmingGebeurtenis {
  switch (rij.status) {
    case 'gegeven':
      return { status: 'gegeven', op: rij.op, door: rij.door ?? '' };
    case 'ingetrokken':
      return { status: 'ingetrokken', op: rij.op, door: rij.door ?? '', ...(rij.reden === null ? {} : { reden: rij.reden }) };
    case 'verlopen':
      return { status: 'verlopen', op: rij.op };
    case 'vervangen':
      return { status: 'vervangen', op: rij.op, door: rij.door ?? '', vervangenDoor: rij.vervangenDoor ?? '' };
    default:
      throw new TypeError(`Unknown consent status ${rij.status} in the database`);
  }
}

/** A `toestemming` row (snake_case columns, as a raw query returns it) as its fields. */
export function toestemmingRij(r: Record<string, unknown>): ToestemmingRij {
  return {
    id: r['id'],
    deelnemerId: r['deelnemer_id'],
    verlener: r['verlener'],
    doel: r['doel'],
    categorieen: r['categorieen'],
    bronnen: r['bronnen'],
    ontvangers: r['ontvangers'],
    geldigVanaf: r['geldig_vanaf'],
    geldigTot: r['geldig_tot'],
    bewijs: r['bewijs'],
    vervangt: r['vervangt'],
  } as ToestemmingRij;
}

export function toestemming(rij: ToestemmingRij, historie: readonly StatusRij[]): Toestemming {
  return {
    id: rij.id,
    deelnemerId: rij.deelnemerId,
    verlener: rij.verlener as Verlener,
    doel: rij.doel,
    categorieen: rij.categorieen as DataCategorie[],
    bronnen: rij.bronnen as OrganisatieSelector[],
    ontvangers: rij.ontvangers as OrganisatieSelector[],
    geldigVanaf: rij.geldigVanaf,
    geldigTot: rij.geldigTot,
    bewijs: rij.bewijs as Bewijs,
    ...(rij.vervangt === null ? {} : { vervangt: rij.vervangt }),
    historie: historie.map(gebeurtenis),
  };
}

/** A decision's columns as query parameters, in the order of the `besluit` insert (bron_organisatie … trace_id). */
export function besluitParameters(besluit: Besluit, traceId: string): unknown[] {
  const v = besluit.verzoek;
  return [
    v.bron.organisatie,
    v.bron.type,
    v.ontvanger.organisatie,
    v.ontvanger.type,
    v.doel,
    besluit.registerVersie ?? null,
    besluit.activiteit?.id ?? null,
    besluit.activiteit?.versie ?? null,
    uitkomst(besluit),
    JSON.stringify(besluit.categorieen),
    [...new Set(besluit.categorieen.flatMap((c) => (c.toestemming.status === 'verleend' ? c.toestemming.toestemmingen : [])))],
    traceId,
  ];
}

/** A processing line's columns as query parameters, in the order of the `verwerking` insert (trace_id … toestemmingen). */
export function regelParameters(regel: Verwerkingsregel): unknown[] {
  return [
    regel.traceId,
    regel.spanId,
    regel.parentSpanId ?? null,
    regel.handeling,
    regel.status,
    regel.tijdstip,
    regel.verwerkingsactiviteit?.id ?? null,
    regel.verwerkingsactiviteit?.versie ?? null,
    regel.betrokkene,
    regel.organisatie,
    regel.ontvanger ?? null,
    regel.doel ?? null,
    [...regel.categorieen],
    [...regel.grondslagen],
    [...regel.toestemmingen],
  ];
}
