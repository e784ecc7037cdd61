import type { OrganisatieDto } from '@ketenregie/monitoring-contracts';
import { ROLLEN_PER_ORGANISATIE_TYPE } from '@ketenregie/shared-access-policy';
import type { Route } from './route-table';

/** What the start page shows. */
export interface StartPageModel {
  readonly mode: 'embedded' | 'distributed';
  /** Base URL the visitor used, e.g. `http://localhost:8080`, for copy-paste examples. */
  readonly baseUrl: string;
  readonly routes: readonly Route[];
  /** The registry listing, or why it could not be read. */
  readonly organisaties: readonly OrganisatieDto[] | { readonly error: string };
}

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** The plain-HTML start page at `/` (until the portal takes it over). */
export function renderStartPage(model: StartPageModel): string {
  const services = [...new Set(model.routes.map((r) => r.service))]
    .map((service) => {
      const prefixes = model.routes.filter((r) => r.service === service).map((r) => `<code>${escapeHtml(r.prefix)}</code>`);
      return `<li><strong>${escapeHtml(service)}</strong>: ${prefixes.join(', ')}</li>`;
    })
    .join('\n');

  const organisaties = Array.isArray(model.organisaties)
    ? `<table>
<thead><tr><th>id</th><th>naam</th><th>type</th>${model.mode === 'embedded' ? '<th>roles for a dev token</th>' : ''}</tr></thead>
<tbody>
${(model.organisaties as readonly OrganisatieDto[])
  .map(
    (o) =>
      `<tr><td><code>${escapeHtml(o.id)}</code></td><td>${escapeHtml(o.naam)}</td><td>${escapeHtml(o.type)}</td>${
        model.mode === 'embedded' ? `<td>${ROLLEN_PER_ORGANISATIE_TYPE[o.type].join(', ')}</td>` : ''
      }</tr>`,
  )
  .join('\n')}
</tbody>
</table>`
    : `<p class="warn">The organisation registry is not available right now (${escapeHtml((model.organisaties as { error: string }).error)}).</p>`;

  const example = Array.isArray(model.organisaties) ? (model.organisaties as readonly OrganisatieDto[]).find((o) => o.type === 'gemeente') : undefined;
  const tokenHelp =
    model.mode === 'embedded'
      ? `<p>This is an <strong>embedded</strong> installation: the gateway signs demo tokens for the organisations above.</p>
<pre>TOKEN=$(curl -s -X POST ${escapeHtml(model.baseUrl)}/auth/dev-token \\
  -H 'content-type: application/json' \\
  -d '{"organisatie":"${escapeHtml(example?.id ?? '<organisation id>')}","rol":"klantmanager"}' | sed -E 's/.*"token":"([^"]+)".*/\\1/')
curl -s ${escapeHtml(model.baseUrl)}/api/v1/stuurgroepen -H "authorization: Bearer $TOKEN"</pre>
<p>In the API reference, paste the token under <em>Authorize</em>.</p>`
      : `<p>Tokens come from your organisation's identity provider (OIDC); the services verify them against its key set.</p>`;

  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Ketenregie</title>
<style>
body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; color: #1b1b1b; }
code, pre { background: #f3f3f3; border-radius: 4px; }
pre { padding: .75rem; overflow-x: auto; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: .25rem .5rem; border-bottom: 1px solid #ddd; }
.warn { color: #8a4b00; }
</style>
</head>
<body>
<h1>Ketenregie</h1>
<p>Durable re-integration trajecten for a regional partnership: every traject a workflow with real clocks,
every exchange of personal data consent-aware and logged, and a stuurgroep that sees how the convenant is kept.</p>

<h2>Documentation</h2>
<ul>
<li><a href="/api/v1/docs">API reference</a> (all services, merged)</li>
<li><a href="/api/v1/openapi.json">OpenAPI document</a></li>
<li><a href="/api/v1/organisaties">Organisation registry</a> (public)</li>
<li><a href="/health/ready">Readiness</a></li>
</ul>

<h2>What runs behind this gateway</h2>
<ul>
${services}
<li><strong>worker</strong>: Temporal workers of the contexts</li>
</ul>

<h2>Organisaties</h2>
${organisaties}

<h2>Getting a token</h2>
${tokenHelp}
</body>
</html>
`;
}
