import { build } from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Builds the demo as a static site in `outdir`: index.html, style.css, app.js (the page) and
 * train-worker.js (one per training run), bundled and minified for the browser.
 */
export async function buildDemoSite(outdir: string): Promise<void> {
  mkdirSync(outdir, { recursive: true });
  await build({
    entryPoints: { app: 'demo/main.ts', 'train-worker': 'demo/train-worker.ts' },
    outdir,
    bundle: true,
    minify: true,
    sourcemap: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    logLevel: 'error',
  });
  for (const file of ['index.html', 'style.css']) copyFileSync(join('demo', file), join(outdir, file));
}
