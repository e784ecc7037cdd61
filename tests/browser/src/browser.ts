import AxeBuilder from '@axe-core/playwright';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
// The orchestrator behind `npm start`, used as-is.
import { freePorts, startStack } from '@ketenregie/start';
// The project's own installer of Debian's chromium (no browser download).
import { ensureChromium } from '../ensure-chromium';

/** Where each page's screenshot is kept as a test artefact (gitignored under tmp/). */
export const SCREENSHOT_DIR = resolve(__dirname, '../../../tmp/browser-screenshots');

/**
 * Headless Debian Chromium. Playwright starts it with `--headless` and a fresh temporary
 * `--user-data-dir` of its own (and removes it on close); the other flags keep it off the network.
 */
export async function startChromium(): Promise<{ browser: Browser; close(): Promise<void> }> {
  const executablePath = ensureChromium({ log: (line: string) => process.stderr.write(`${line}\n`) });
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    browser,
    close: () => browser.close(),
  };
}

/** A browser context as a Dutch professional has it: Dutch, Amsterdam time. */
export function nieuweContext(browser: Browser, opties: { readonly bypassCSP?: boolean } = {}): Promise<BrowserContext> {
  return browser.newContext({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam', viewport: { width: 1280, height: 900 }, ...opties });
}

/** Saves a full-page screenshot as `<naam>.png` in {@link SCREENSHOT_DIR}. */
export async function screenshot(page: Page, naam: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${naam}.png`), fullPage: true });
}

/**
 * The page's accessibility violations of impact serious or critical against WCAG 2.1 A and AA
 * (axe-core), each as one readable line; empty when there are none.
 */
export async function ernstigeToegankelijkheidsfouten(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** A random BSN that passes the elfproef, so every run registers a new deelnemer. */
export function willekeurigBsn(): string {
  for (;;) {
    const cijfers = Array.from({ length: 8 }, (_, i) => (i === 0 ? 1 + Math.floor(Math.random() * 9) : Math.floor(Math.random() * 10)));
    const laatste = cijfers.reduce((som, c, i) => som + (9 - i) * c, 0) % 11;
    if (laatste < 10) return [...cijfers, laatste].join('');
  }
}

/** A demo token of the embedded gateway (`POST /auth/dev-token`) for `rol` of `organisatie`. */
export async function demoToken(stackUrl: string, organisatie: string, rol: string): Promise<string> {
  const response = await fetch(`${stackUrl}/auth/dev-token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ organisatie, rol }),
  });
  if (response.status !== 200) throw new Error(`POST /auth/dev-token for ${rol} of ${organisatie} answered ${response.status}`);
  return ((await response.json()) as { token: string }).token;
}

/** Calls the API through the gateway with a token, for what a test prepares without the browser; throws unless 2xx. */
export async function apiCall<T>(stackUrl: string, token: string, method: string, pad: string, body?: unknown): Promise<T> {
  const response = await fetch(`${stackUrl}/api/v1${pad}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const tekst = await response.text();
  if (!response.ok) throw new Error(`${method} ${pad} answered ${response.status}: ${tekst}`);
  return (tekst ? JSON.parse(tekst) : undefined) as T;
}

/** The environment of a fresh machine: embedded database, Temporal and auth, whatever the shell has set. */
export function freshMachineEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (key === 'DATABASE_URL' || key.startsWith('TEMPORAL_') || key.startsWith('AUTH_') || key.startsWith('KETENREGIE_') || key.endsWith('_SERVICE_URL'))
      delete env[key];
  }
  return env;
}

/** Keeps the page's screenshot as `<naam>.png` and checks it against WCAG 2.1 AA (no serious or critical violation). */
export async function bekijk(page: Page, naam: string): Promise<void> {
  await screenshot(page, naam);
  expect(await ernstigeToegankelijkheidsfouten(page)).toEqual([]);
}

/** Generous start-up limits: the machine running the suite is often busy, so each step gets longer than `npm start` gives it. */
const GEDULD = { database: 120_000, temporal: 120_000, service: 480_000, worker: 600_000, gateway: 300_000, seed: 600_000, portal: 600_000 };
const START_TIMEOUT = 900_000;

/** A private Ketenregie with the portal, and headless Chromium to use it, for one browser spec. */
export interface PortalInBrowser {
  /** The gateway: the portal at `/`, the API at `/api/v1`. */
  readonly url: string;
  /** The headless Chromium, for a story that needs its own browser context. */
  readonly browser: Browser;
  /**
   * Runs `verhaal` on a new page of a fresh Dutch browser context (a person at their own
   * browser), keeps a screenshot `laatste-<naam>` of where it ended, and closes the context.
   */
  alsGebruiker<T>(naam: string, verhaal: (page: Page) => Promise<T>): Promise<T>;
  /** Signs in on the demo sign-in page as `rol` (its label) of the organisation labelled `organisatie`. */
  logIn(page: Page, organisatie: string, rol: string): Promise<void>;
  /** An API call through the gateway as the demo `rol` of `organisatie`, for what a story prepares without the browser; throws unless 2xx. */
  api<T>(organisatie: string, rol: string, method: string, pad: string, body?: unknown): Promise<T>;
}

/**
 * Registers the `beforeAll`/`afterAll` of a browser spec: a stack from the orchestrator behind
 * `npm start` (same steps, the portal build included; free ports, a temporary data directory,
 * the environment of a fresh machine) and headless Chromium; both stop after the spec.
 * `voorbereiden` runs once the stack is up (demo data through the API).
 */
export function portalInBrowser(naam: string, voorbereiden?: (portal: PortalInBrowser) => Promise<void>): PortalInBrowser {
  const dataDir = mkdtempSync(join(tmpdir(), `ketenregie-browser-${naam}-`));
  let stack: { url: string; stop(): Promise<void> } | undefined;
  let chromium: Awaited<ReturnType<typeof startChromium>> | undefined;
  const tokens = new Map<string, string>();
  const url = () => {
    if (!stack) throw new Error('the stack has not started');
    return stack.url;
  };

  const portal: PortalInBrowser = {
    get url() {
      return url();
    },
    get browser() {
      if (!chromium) throw new Error('Chromium has not started');
      return chromium.browser;
    },
    async alsGebruiker(schermNaam, verhaal) {
      if (!chromium) throw new Error('Chromium has not started');
      const context = await nieuweContext(chromium.browser);
      const page = await context.newPage();
      try {
        return await verhaal(page);
      } finally {
        await screenshot(page, `laatste-${schermNaam}`).catch(() => undefined);
        await context.close();
      }
    },
    async logIn(page, organisatie, rol) {
      await page.goto(`${url()}/`);
      await page.getByRole('heading', { name: 'Inloggen', exact: true }).waitFor();
      await page.getByLabel('Organisatie').selectOption({ label: organisatie });
      await page.getByLabel('Rol').selectOption({ label: rol });
      await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
      await page.getByRole('heading', { name: 'Welkom', exact: true }).waitFor();
    },
    async api(organisatie, rol, method, pad, body) {
      const sleutel = `${organisatie}/${rol}`;
      let token = tokens.get(sleutel);
      if (!token) tokens.set(sleutel, (token = await demoToken(url(), organisatie, rol)));
      return apiCall(url(), token, method, pad, body);
    },
  };

  beforeAll(async () => {
    stack = await startStack({ env: freshMachineEnv(), dataDir, timeouts: GEDULD, ...(await freePorts()) });
    chromium = await startChromium();
    await voorbereiden?.(portal);
  }, START_TIMEOUT);

  afterAll(async () => {
    await chromium?.close();
    await stack?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  return portal;
}
