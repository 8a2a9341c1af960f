import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { browserRequired, browsersUnderTest, requireExecutable } from '../../scripts/browser/browsers-under-test.js';
import type { BrowserKind } from '../../scripts/browser/launch.js';
import { runInPage } from '../../scripts/browser/page-run.js';
import { gemmReference } from '../../src/kernels/gemm.js';
import { bitsDigest, gemmProducts } from './page/gemm-products.js';

/**
 * The two-thread gemm in pages of headless Chromium and Firefox ESR: served cross-origin isolated,
 * the helper starts in a Web Worker and every split product has the bits Node's TypeScript gemm
 * computes and the page's one-thread gemm; served without isolation there is no SharedArrayBuffer,
 * the threads do not start, and the products, on one thread, have the same bits.
 */

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
  const bundle = await build({ entryPoints: ['test/browser/page/gemm-threads-page.ts'], bundle: true, platform: 'browser', format: 'iife', target: 'es2022', write: false, logLevel: 'silent' });
  const { value, errors } = await runInPage(kind, executable, {
    title: 'metarl gemm threads',
    script: { name: 'page.js', text: bundle.outputFiles[0].text },
    expression: 'globalThis.metarlGemmThreads()',
    isolated,
  });
  const result = JSON.parse(value) as PageResult;
  expect(errors).toEqual([]);
  return result;
}

const inNode = bitsDigest(gemmProducts(gemmReference));

for (const [kind, executable] of browsersUnderTest()) {
  describe.runIf(executable !== null || browserRequired)(`the two-thread gemm in headless ${kind}`, () => {
    const browserPath = (): string => requireExecutable(kind, executable);

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
