import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
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
