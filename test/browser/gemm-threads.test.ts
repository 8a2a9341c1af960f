import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { findChromium } from '../../scripts/browser/find-chromium.js';
import { findFirefox } from '../../scripts/browser/find-firefox.js';
import { type BrowserKind, launchBrowser } from '../../scripts/browser/launch.js';
import { serveStatic } from '../../scripts/browser/static-server.js';
import { gemmReference } from '../../src/kernels/gemm.js';
import { bitsDigest, gemmProducts } from './page/gemm-products.js';

/**
 * The two-thread gemm in pages of headless Chromium and Firefox ESR: served cross-origin isolated,
 * the helper starts in a Web Worker and every split product has the bits Node's TypeScript gemm
 * computes and the page's one-thread gemm; served without isolation there is no SharedArrayBuffer,
 * the threads do not start, and the products, on one thread, have the same bits.
 */

const required = process.env.METARL_BROWSER === 'required';
const browsers: [BrowserKind, string | null][] = [['chromium', findChromium()], ['firefox', findFirefox()]];

/** Bundling, starting the browser and the products, beside the rest of the suite. */
const PAGE_MS = 120_000;

interface PageResult {
  readonly isolated: boolean;
  readonly enabled: boolean;
  readonly ready: boolean;
  readonly digest: string;
  readonly againstOneThread: string;
}

async function runPage(kind: BrowserKind, executable: string, isolated: boolean): Promise<PageResult> {
  const dir = mkdtempSync(join(tmpdir(), `metarl-gemm-threads-${kind}-`));
  const bundle = await build({ entryPoints: ['test/browser/page/gemm-threads-page.ts'], bundle: true, platform: 'browser', format: 'iife', target: 'es2022', write: false, logLevel: 'silent' });
  writeFileSync(join(dir, 'page.js'), bundle.outputFiles[0].text);
  writeFileSync(join(dir, 'index.html'), '<!doctype html>\n<meta charset="utf-8">\n<title>metarl gemm threads</title>\n<script src="page.js"></script>\n');
  const server = await serveStatic({ '/': dir }, { isolated });
  const { browser, close } = await launchBrowser(kind, executable);
  try {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${server.url}/`);
    const result = JSON.parse(await page.evaluate('globalThis.metarlGemmThreads()') as string) as PageResult;
    expect(errors).toEqual([]);
    return result;
  } finally {
    await close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const inNode = bitsDigest(gemmProducts(gemmReference));

for (const [kind, executable] of browsers) {
  describe.runIf(executable !== null || required)(`the two-thread gemm in headless ${kind}`, () => {
    const browserPath = (): string => {
      if (executable === null) throw new Error(`${kind} is required but was not found: apt-get install ${kind === 'chromium' ? 'chromium' : 'firefox-esr'}`);
      return executable;
    };

    it("splits products over a Web Worker on a cross-origin isolated page, with Node's bits", async () => {
      const result = await runPage(kind, browserPath(), true);
      expect(result).toEqual({ isolated: true, enabled: true, ready: true, digest: inNode, againstOneThread: 'none' });
    }, PAGE_MS);

    it("stays on one thread without isolation, with the same bits", async () => {
      const result = await runPage(kind, browserPath(), false);
      expect(result).toEqual({ isolated: false, enabled: false, ready: false, digest: inNode, againstOneThread: 'none' });
    }, PAGE_MS);
  });
}
