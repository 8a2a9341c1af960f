import { describe, expect, it } from 'vitest';
import { browserRequired, browsersUnderTest, requireExecutable } from '../../scripts/browser/browsers-under-test.js';
import { runInPage } from '../../scripts/browser/page-run.js';
import { buildProbeBundle } from '../runtimes/probe-bundle.js';
import { firstDifference, nodeProbeText, runtimesRequired } from '../runtimes/node-reference.js';

/**
 * The runtime probe in a page of headless Chromium and of Firefox ESR (puppeteer-core, the system's
 * browsers, the page from 127.0.0.1): every fixture's bits and the seeded directed-maml runs,
 * byte for byte as Node computes them. Runs where the browser is found; METARL_RUNTIMES=required or
 * METARL_BROWSER=required makes a missing one a failure.
 */

const required = runtimesRequired || browserRequired;

/** Bundling, starting the browser and the probe itself, beside the rest of the suite. */
const PROBE_MS = 180_000;

for (const [kind, executable] of browsersUnderTest()) {
  describe.runIf(executable !== null || required)(`in headless ${kind}`, () => {
    it("gives Node's fixture bits and directed-maml logs, byte for byte", async () => {
      const { value, errors } = await runInPage(kind, requireExecutable(kind, executable), {
        title: 'metarl probe',
        script: { name: 'probe.js', text: await buildProbeBundle() },
        expression: 'JSON.stringify(globalThis.metarlProbe())',
      });
      const run = JSON.parse(value) as { backend: string; text: string };
      const inNode = nodeProbeText();
      expect(run.backend).toBe('wasm');
      expect(firstDifference(run.text, inNode)).toBe('none');
      expect(run.text).toBe(inNode);
      expect(errors).toEqual([]);
    }, PROBE_MS);
  });
}
