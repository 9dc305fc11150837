// The e2e harness: a fresh server on the embedded database with demo data, and Debian's Chromium
// driven by playwright-core. Journeys fail on any failed step, console error or page error.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium } from 'playwright-core';

export const ROOT = new URL('..', import.meta.url).pathname;
/**
 * Where the journeys' screenshots go: an ignored folder by default, so a test run leaves the tree
 * clean; the tracked ones in docs/screenshots are refreshed only when asked (`npm run screenshots`,
 * which sets E2E_SCREENSHOTS=docs).
 */
export const SCREENSHOTS =
  process.env.E2E_SCREENSHOTS === 'docs' ? join(ROOT, 'docs/screenshots') : join(ROOT, 'var/screenshots');

export async function startServer(port) {
  const dataDir = mkdtempSync(join(tmpdir(), 'ii-e2e-'));
  const env = {
    ...process.env,
    PORT: String(port),
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    RATE_LIMIT_PER_MIN: '5000',
  };
  delete env.DATABASE_URL;
  delete env.REDIS_URL;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://localhost:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/ready`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('server did not become ready in 120 s');
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A fresh browser context (own cookies and storage) that records console and page errors. */
export async function openPage(browser, baseURL, viewport = { width: 1280, height: 900 }) {
  const context = await browser.newContext({
    baseURL,
    viewport,
    timezoneId: 'America/New_York',
    locale: 'en-US',
  });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  // No transitions mid-screenshot or mid-audit (the app honours prefers-reduced-motion).
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const errors = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  return { context, page, errors };
}

/**
 * Takes back the one console error a journey provoked on purpose (Chromium logs every 4xx answer);
 * fails if it was not logged, so the journey cannot pass without the refusal happening.
 */
export function expectConsoleError(errors, pattern) {
  const i = errors.findIndex((e) => pattern.test(e));
  check(i >= 0, `expected a console error matching ${pattern}`);
  errors.splice(i, 1);
}

/** Every screen the journeys photograph is also audited for accessibility first. */
export async function screenshot(page, name) {
  await audit(page, name);
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

export async function logIn(page, email) {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill('Demo-pass-1');
  await page.getByRole('button', { name: 'Log in' }).click();
}

export function check(condition, message) {
  if (!condition) throw new Error(message);
}

/**
 * Accessibility audit of what the page shows now (axe-core, WCAG 2.1 A and AA rules). Serious and
 * critical findings fail the journey.
 */
export async function audit(page, where) {
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (bad.length) {
    const lines = bad.map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(', ')}`,
    );
    throw new Error(`accessibility problems on ${where}:\n  ${lines.join('\n  ')}`);
  }
}

/** Fails when the page is wider than the window, i.e. the reader would have to scroll sideways. */
export async function fitsWidth(page, where) {
  const wide = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  const { width } = page.viewportSize();
  check(wide <= 0, `${where} is ${wide}px wider than a ${width}px window`);
}

/**
 * Cumulative layout shift since the page loaded (the Web Vitals measure; 0.1 or less is "good").
 * Not a timing figure: how far content jumped while data arrived.
 */
export async function layoutShift(page) {
  return page.evaluate(
    () =>
      new Promise((resolve) => {
        let total = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) if (!entry.hadRecentInput) total += entry.value;
        }).observe({ type: 'layout-shift', buffered: true });
        setTimeout(() => resolve(Math.round(total * 1000) / 1000), 300);
      }),
  );
}
