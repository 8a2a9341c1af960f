import { build } from 'esbuild';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Builds the browser test's page into `outdir`: index.html, page.js (the engine and the test's
 * page code) and train-worker.js (the demo's training worker), bundled for the browser.
 */
export async function buildTestPage(outdir: string): Promise<void> {
  await build({
    entryPoints: { page: 'test/browser/page/browser-test-page.ts', 'train-worker': 'demo/train-worker.ts' },
    outdir,
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    logLevel: 'silent',
  });
  writeFileSync(join(outdir, 'index.html'), '<!doctype html>\n<meta charset="utf-8">\n<title>metarl browser test</title>\n<script src="page.js"></script>\n');
}
