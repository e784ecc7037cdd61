import type { InzageDto } from '@ketenregie/consent-contracts';
import { VERWERKING_LABELS } from '@ketenregie/shared-kernel';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const e = (value: unknown): string => String(value ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
const datum = (iso: string): string =>
  new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Amsterdam' }).format(new Date(iso));

// The printed inzage keeps its own wording for a decision and a disclosure.
const HANDELING: Record<string, string> = { ...VERWERKING_LABELS, besluit: 'Besluit over verstrekking', verstrekking: 'Gegevens verstrekt' };

/** A printable, self-contained HTML rendering of an inzage that a coach can hand to the deelnemer. */
export function inzageHtml(inzage: InzageDto): string {
  const toestemmingen = inzage.toestemmingen
    .map(
      (t) =>
        `<tr><td>${e(t.doel)}</td><td>${e(t.categorieen.join(', '))}</td><td>${e(
          t.ontvangers.map((o) => (o.soort === 'type' ? `elke ${o.type}` : o.organisatie)).join(', '),
        )}</td><td>${e(datum(t.geldigVanaf))} – ${e(datum(t.geldigTot))}</td><td>${e(
          t.historie.map((h) => `${h.status} ${datum(h.op)}`).join('; '),
        )}</td></tr>`,
    )
    .join('');
  const verwerkingen = inzage.verwerkingen
    .map(
      (v) =>
        `<tr><td>${e(datum(v.tijdstip))}</td><td>${e(HANDELING[v.handeling] ?? v.handeling)}${
          v.status === 'ok' ? '' : ` (${e(v.status)})`
        }</td><td>${e(v.organisatie)}</td><td>${e(v.ontvanger)}</td><td>${e(v.verwerkingsactiviteit?.naam ?? v.doel)}</td><td>${e(
          v.categorieen.join(', '),
        )}</td></tr>`,
    )
    .join('');
  return `<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><title>Inzage in uw gegevens</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem;max-width:60rem}table{border-collapse:collapse;width:100%;margin-bottom:2rem}
th,td{border:1px solid #999;padding:.3rem .5rem;text-align:left;vertical-align:top;font-size:.9rem}th{background:#eee}@media print{body{margin:0}}</style></head>
<body><h1>Inzage in uw gegevens</h1>
<p>Opgesteld op ${e(datum(inzage.opgesteldOp))}. Dit overzicht toont uw toestemmingen en welke organisatie uw gegevens wanneer en waarvoor heeft verwerkt.</p>
<h2>Uw toestemmingen</h2>
<table><thead><tr><th>Doel</th><th>Gegevens</th><th>Aan wie</th><th>Geldig</th><th>Verloop</th></tr></thead><tbody>${toestemmingen}</tbody></table>
<h2>Wie verwerkte uw gegevens</h2>
<table><thead><tr><th>Wanneer</th><th>Wat</th><th>Organisatie</th><th>Ontvanger</th><th>Waarvoor</th><th>Gegevens</th></tr></thead><tbody>${verwerkingen}</tbody></table>
</body></html>`;
}
