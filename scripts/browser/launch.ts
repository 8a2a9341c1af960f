import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';

/**
 * The system's Chromium or Firefox under puppeteer-core (which downloads no browser of its own):
 * Chromium over the DevTools protocol, Firefox over WebDriver BiDi, each headless with a
 * throwaway profile deleted on close.
 */

export type BrowserKind = 'chromium' | 'firefox';

const CHROMIUM_ARGS = [
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-gpu',
  '--disable-quic',
  '--disable-dev-shm-usage',
  '--disable-extensions',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // Timers and workers of a page nobody looks at must not be slowed down.
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
  '--disable-backgrounding-occluded-windows',
  '--hide-scrollbars',
  '--mute-audio',
];

export async function launchBrowser(kind: BrowserKind, executablePath: string, width = 1280, height = 800): Promise<{ browser: Browser; close: () => Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), `metarl-${kind}-`));
  const browser = await puppeteer.launch({
    browser: kind === 'chromium' ? 'chrome' : 'firefox',
    executablePath,
    headless: true,
    userDataDir: profile,
    defaultViewport: { width, height },
    // Chromium refuses to run as root with its sandbox (containers, CI).
    args: kind === 'chromium' ? [...CHROMIUM_ARGS, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])] : [],
  });
  return {
    browser,
    close: async () => {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
