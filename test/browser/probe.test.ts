import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findChromium } from '../../scripts/browser/find-chromium.js';
import { findFirefox } from '../../scripts/browser/find-firefox.js';
import { type BrowserKind, launchBrowser } from '../../scripts/browser/launch.js';
import { serveStatic } from '../../scripts/browser/static-server.js';
import { buildProbeBundle } from '../runtimes/probe-bundle.js';
import { firstDifference, nodeProbeText, runtimesRequired } from '../runtimes/node-reference.js';

/**
 * The runtime probe in a page of headless Chromium and of Firefox ESR (puppeteer-core, the system's
 * browsers, the page from 127.0.0.1): every fixture's bits and the seeded directed-maml runs,
 * byte for byte as Node computes them. Runs where the browser is found; METARL_RUNTIMES=required or
 * METARL_BROWSER=required makes a missing one a failure.
 */

const required = runtimesRequired || process.env.METARL_BROWSER === 'required';
const browsers: [BrowserKind, string | null][] = [['chromium', findChromium()], ['firefox', findFirefox()]];

/** Bundling, starting the browser and the probe itself, beside the rest of the suite. */
const PROBE_MS = 180_000;

for (const [kind, executable] of browsers) {
  describe.runIf(executable !== null || required)(`in headless ${kind}`, () => {
    it("gives Node's fixture bits and directed-maml logs, byte for byte", async () => {
      if (executable === null) throw new Error(`${kind} is required but was not found: apt-get install ${kind === 'chromium' ? 'chromium' : 'firefox-esr'}`);
      const dir = mkdtempSync(join(tmpdir(), `metarl-probe-${kind}-`));
      writeFileSync(join(dir, 'probe.js'), await buildProbeBundle());
      writeFileSync(join(dir, 'index.html'), '<!doctype html>\n<meta charset="utf-8">\n<title>metarl probe</title>\n<script src="probe.js"></script>\n');
      const server = await serveStatic({ '/': dir });
      const { browser, close } = await launchBrowser(kind, executable);
      try {
        const page = await browser.newPage();
        const errors: string[] = [];
        page.on('pageerror', (e) => errors.push(String(e)));
        await page.goto(`${server.url}/`);
        const run = JSON.parse(await page.evaluate('JSON.stringify(globalThis.metarlProbe())') as string) as { backend: string; text: string };
        const inNode = nodeProbeText();
        expect(run.backend).toBe('wasm');
        expect(firstDifference(run.text, inNode)).toBe('none');
        expect(run.text).toBe(inNode);
        expect(errors).toEqual([]);
      } finally {
        await close();
        await server.close();
        rmSync(dir, { recursive: true, force: true });
      }
    }, PROBE_MS);
  });
}
