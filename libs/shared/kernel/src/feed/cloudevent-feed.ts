/**
 * A context's outbox as a feed of CloudEvents (NL GOV profile) for another context's projection:
 * `GET /api/v1/<context>-gebeurtenissen?na=<sequence>&max=<n>`, oldest first, service token only.
 * Consumers de-duplicate on `id` and remember the last `sequence` they processed. Every context
 * that publishes to monitoring builds its page here (and its contract with `feedPaginaSchema` of
 * monitoring-contracts), so the feeds differ only in their source, types, subject and data.
 */

/** An outbox row as a feed serves it. */
export interface FeedRij {
  readonly id: string;
  readonly volgnummer: number;
  /** Full event type, e.g. `nl.ketenregie.overdracht.geaccepteerd`. */
  readonly type: string;
  /** `<kind>/<opaque id>`. */
  readonly subject: string;
  /** Business date (YYYY-MM-DD). */
  readonly datum: string;
  readonly tijd: Date;
  readonly data: Readonly<Record<string, unknown>>;
}

/** One event of a feed page. */
export interface FeedCloudEvent<D = Record<string, unknown>> {
  readonly specversion: '1.0';
  readonly id: string;
  readonly source: string;
  readonly type: string;
  readonly subject: string;
  readonly time: string;
  readonly datacontenttype: 'application/json';
  readonly sequence: number;
  readonly sequencetype: 'Integer';
  readonly datum: string;
  readonly data: D;
}

/** A page of a feed; `laatste` is the last sequence served (or `na` when none). */
export interface FeedPagina<D = Record<string, unknown>> {
  readonly gebeurtenissen: readonly FeedCloudEvent<D>[];
  readonly laatste: number;
}

/** At most this many events per page. */
export const MAX_FEED_PAGINA = 1000;

/** The page bounds a feed reads: `na` ≥ 0, 1 ≤ `max` ≤ {@link MAX_FEED_PAGINA}. */
export function feedGrenzen(na: number, max: number): { readonly na: number; readonly max: number } {
  return { na: Math.max(0, na), max: Math.min(Math.max(1, max), MAX_FEED_PAGINA) };
}

/** The rows of an outbox as a feed page of `source`; `data` picks what the feed publishes of a row (codes and opaque ids only). */
export function feedPagina<D>(source: string, rows: readonly FeedRij[], na: number, data: (r: FeedRij) => D): FeedPagina<D> {
  return {
    gebeurtenissen: rows.map((r) => ({
      specversion: '1.0' as const,
      id: r.id,
      source,
      type: r.type,
      subject: r.subject,
      time: r.tijd.toISOString(),
      datacontenttype: 'application/json' as const,
      sequence: r.volgnummer,
      sequencetype: 'Integer' as const,
      datum: r.datum,
      data: data(r),
    })),
    laatste: rows.at(-1)?.volgnummer ?? na,
  };
}
