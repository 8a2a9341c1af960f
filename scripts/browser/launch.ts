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

export interface LaunchOptions {
  /** Viewport of new pages, CSS pixels; default 1280 x 800. */
  readonly width?: number;
  readonly height?: number;
  /**
   * Where Firefox saves downloads without asking (its preferences; WebDriver BiDi under puppeteer
   * has no download control). Chromium's downloads are set per session: see ChromiumDownloads.
   */
  readonly firefoxDownloadDir?: string;
}

export async function launchBrowser(kind: BrowserKind, executablePath: string, options: LaunchOptions = {}): Promise<{ browser: Browser; close: () => Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), `metarl-${kind}-`));
  const downloads = options.firefoxDownloadDir;
  const browser = await puppeteer.launch({
    browser: kind === 'chromium' ? 'chrome' : 'firefox',
    executablePath,
    headless: true,
    userDataDir: profile,
    defaultViewport: { width: options.width ?? 1280, height: options.height ?? 800 },
    // Chromium refuses to run as root with its sandbox (containers, CI).
    args: kind === 'chromium' ? [...CHROMIUM_ARGS, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])] : [],
    extraPrefsFirefox:
      downloads === undefined
        ? {}
        : {
            'browser.download.folderList': 2,
            'browser.download.dir': downloads,
            'browser.download.useDownloadDir': true,
            'browser.download.always_ask_before_handling_new_types': false,
            'browser.download.alwaysOpenPanel': false,
            'browser.download.start_downloads_in_tmp_dir': false,
          },
  });
  return {
    browser,
    close: async () => {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
