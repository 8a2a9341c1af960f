import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Chromium, type Page } from '../../scripts/browser/chromium.js';
import { buildDemoSite } from '../../scripts/browser/demo-site.js';
import { findChromium } from '../../scripts/browser/find-chromium.js';
import { type StaticServer, serveStatic } from '../../scripts/browser/static-server.js';
import type { DemoState } from '../../demo/demo-state.js';
import { demoConfig } from '../../demo/presets.js';
import type { WasmUsage } from '../../demo/wasm-usage.js';
import { type IterationLog, type MetaConfig, MetaTrainer, type TrainerSnapshot, hasEnv, resolveConfig } from '../../src/index.js';
import { listShared, readSharedJson, sharedPath } from '../helpers/shared.js';
import { type FixtureQuantities, fixtureQuantities } from './page/fixture-quantities.js';
import type { WorkerRun } from './page/browser-test-page.js';
import { buildTestPage } from './test-page.js';

/**
 * The engine in a real browser (headless Chromium over its DevTools pipe, pages served from
 * 127.0.0.1): every PyTorch fixture audited in the page gives Node's errors and Node's bits, and
 * a seeded directed-maml run in a Web Worker gives Node's log number for number. Then the demo:
 * it trains, animates, audits a fixture, pauses, hands out a checkpoint the CLI reads, resumes,
 * and leaves a screenshot in test-artifacts/demo.png. Runs when a Chromium is found;
 * METARL_BROWSER=required (npm run test:browser) makes a missing one a failure.
 */

const chromiumPath = findChromium();
const required = process.env.METARL_BROWSER === 'required';
if (chromiumPath === null && !required) {
  console.log('browser tests not run: no Chromium found (apt-get install chromium, or set CHROMIUM to its path)');
}

/** Bundling, starting Chromium and loading a page: seconds, more while the rest of the suite runs beside. */
const SETUP_MS = 60_000;

/** The worker-training runs: Node's log is computed here for each. */
const TRAINING_ENVS = ['cartpole', 'intersection'];
const trainingConfig = (env: string): Partial<MetaConfig> => ({ env, algo: 'directed-maml', seed: 3, iterations: 3 });

/** A log line without its wall-clock times, the only fields that differ between two runs. */
function withoutTimes(log: IterationLog): unknown {
  const { seconds: _, totals, ...rest } = log;
  const { seconds: __, ...counts } = totals;
  return { ...rest, totals: counts };
}

function withoutTimesSnapshot(snapshot: TrainerSnapshot): unknown {
  const { totals, checksum: _, ...rest } = snapshot;
  const { seconds: __, ...counts } = totals;
  return { ...rest, totals: counts };
}

function parseLog(text: string): IterationLog[] {
  expect(text.endsWith('\n')).toBe(true);
  return text.trimEnd().split('\n').map((line) => JSON.parse(line) as IterationLog);
}

function expectKernelsUsed(usage: WasmUsage, where: string): void {
  expect(usage.simd, `${where}: WebAssembly SIMD validates`).toBe(true);
  expect(usage.instances, `${where}: kernel modules instantiated`).toBeGreaterThan(1);
  expect(usage.calls, `${where}: kernel calls`).toBeGreaterThan(0);
}

describe.runIf(chromiumPath !== null || required)('in headless Chromium', () => {
  let dir = '';
  let server: StaticServer | null = null;
  let browser: Chromium | null = null;
  let page: Page;

  beforeAll(async () => {
    if (chromiumPath === null) throw new Error('METARL_BROWSER=required but no Chromium was found: apt-get install chromium, or set CHROMIUM to its path');
    dir = mkdtempSync(join(tmpdir(), 'metarl-browser-test-'));
    await buildTestPage(join(dir, 'test'));
    await buildDemoSite(join(dir, 'demo'));
    server = await serveStatic({ '/': join(dir, 'test'), '/demo/': join(dir, 'demo'), '/fixtures/': sharedPath('fixtures') });
    browser = await Chromium.launch({ executable: chromiumPath });
    page = await browser.newPage();
    await page.goto(`${server.url}/`);
  }, SETUP_MS);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dir !== '') rmSync(dir, { recursive: true, force: true });
  }, SETUP_MS);

  it('audits every fixture with the same errors and the same bits as Node', async () => {
    const files = listShared('fixtures').filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThanOrEqual(5);
    const inPage = await page.evaluate<FixtureQuantities[]>(`metarlBrowserTest.audit(${JSON.stringify(files.map((f) => `/fixtures/${f}`))})`);
    files.forEach((file, i) => {
      const inNode = fixtureQuantities(readSharedJson('fixtures', file));
      expect(inPage[i].rows, file).toEqual(inNode.rows);
      expect(Math.max(...inPage[i].rows.map((r) => r.error)), file).toBeLessThan(1e-10);
      expect(Object.keys(inPage[i].bits), file).toEqual(Object.keys(inNode.bits));
      for (const [quantity, hex] of Object.entries(inNode.bits)) expect(inPage[i].bits[quantity], `${file} ${quantity}`).toBe(hex);
    });
    expect(page.errors).toEqual([]);
    expectKernelsUsed(await page.evaluate<WasmUsage>('metarlBrowserTest.wasm()'), 'page');
  });

  for (const env of TRAINING_ENVS) {
    it.runIf(hasEnv(env))(`trains directed-maml on ${env} in a Web Worker: Node's log and checkpoint, number for number`, async () => {
      const config = trainingConfig(env);
      const run = await page.evaluate<WorkerRun>(`metarlBrowserTest.train('/train-worker.js', ${JSON.stringify(config)})`);
      const trainer = new MetaTrainer(resolveConfig(config));
      const nodeLog: IterationLog[] = [];
      while (trainer.iteration < 3) nodeLog.push(trainer.step());
      const workerLog = parseLog(run.logText);
      expect(workerLog).toHaveLength(3);
      expect(workerLog.map(withoutTimes)).toEqual(nodeLog.map(withoutTimes));
      const snapshot = JSON.parse(run.checkpointText) as TrainerSnapshot;
      expect(withoutTimesSnapshot(snapshot)).toEqual(withoutTimesSnapshot(trainer.snapshot()));
      // The browser's checkpoint is one the CLI resumes: its checksum holds.
      expect(MetaTrainer.restore(snapshot).iteration).toBe(3);
      expectKernelsUsed(run.wasm, `${env} worker`);
      expect(page.errors).toEqual([]);
    });
  }

  describe('the demo', () => {
    /** Generous: the demo shares two cores with the rest of the suite. */
    const WAIT_MS = 45_000;
    let demo: Page;
    const demoState = (): Promise<DemoState> => demo.evaluate<DemoState>('window.demoState');

    beforeAll(async () => {
      demo = await (browser as Chromium).newPage();
      await demo.goto(`${(server as StaticServer).url}/demo/`);
    }, SETUP_MS);

    it('trains both algorithms with live curves and animates their adaptation', async () => {
      const progressed = (iterations: number, frames: number): string =>
        `window.demoState.lanes.every((l) => l.iterations >= ${iterations} && l.previews >= 1) && window.demoState.framesDrawn > ${frames}`;
      await demo.waitUntil(progressed(2, 0), 'two iterations and a preview of each run', WAIT_MS);
      const first = await demoState();
      const most = Math.max(...first.lanes.map((l) => l.iterations));
      await demo.waitUntil(progressed(most + 1, first.framesDrawn), 'both curves to advance and more frames', WAIT_MS);
      const later = await demoState();
      expect(later.env).toBe('cartpole');
      expect(later.lanes.map((l) => l.algo)).toEqual(['maml', 'directed-maml']);
      later.lanes.forEach((lane, i) => {
        expect(lane.error).toBeNull();
        expect(lane.iterations).toBeGreaterThan(first.lanes[i].iterations);
      });
      expect(later.framesDrawn).toBeGreaterThan(first.framesDrawn);
      expectKernelsUsed(later.wasm as WasmUsage, 'demo worker');
    });

    it('audits a fixture file chosen in its audit panel', async () => {
      await demo.setInputFiles('#audit-file', [sharedPath('fixtures', 'tiny-tanh.json')]);
      await demo.waitUntil('window.demoState.audit !== null', 'the audit of tiny-tanh.json', WAIT_MS);
      const { audit } = await demoState();
      const rows = fixtureQuantities(readSharedJson('fixtures', 'tiny-tanh.json')).rows;
      expect(audit).toEqual({ file: 'tiny-tanh.json', quantities: rows.length, maxError: Math.max(...rows.map((r) => r.error)) });
    });

    it('pauses, downloads a log and checkpoint the CLI reads, resumes, and shows it all', async () => {
      await demo.evaluate(`document.getElementById('pause').click()`);
      const downloads = join(dir, 'downloads');
      mkdirSync(downloads);
      const files: string[] = [];
      for (const button of ['log.jsonl', 'checkpoint.json']) {
        const saved = (browser as Chromium).nextDownload(downloads);
        await demo.evaluate(`[...document.querySelectorAll('#downloads button')].find((b) => b.textContent === '${button}').click()`);
        files.push(await saved);
      }
      expect(files).toEqual(['log.jsonl', 'checkpoint.json']);
      const snapshot = JSON.parse(readFileSync(join(downloads, 'checkpoint.json'), 'utf8')) as TrainerSnapshot;
      const trainer = MetaTrainer.restore(snapshot);
      expect(trainer.config).toEqual(resolveConfig(demoConfig('cartpole', 'maml', 0)));
      const log = parseLog(readFileSync(join(downloads, 'log.jsonl'), 'utf8'));
      expect(log.map((l) => l.iteration)).toEqual(Array.from({ length: snapshot.iteration }, (_, i) => i + 1));
      expect(log[log.length - 1].totals).toEqual(snapshot.totals);
      // Paused: the page has received exactly the checkpoint's iterations, and no more come.
      await demo.waitUntil(`window.demoState.lanes[0].iterations === ${snapshot.iteration}`, 'the page to show the paused run', WAIT_MS);
      expect((await demoState()).lanes[0].iterations).toBe(snapshot.iteration);

      await demo.evaluate(`document.getElementById('pause').click()`);
      await demo.waitUntil(`window.demoState.lanes[0].iterations > ${snapshot.iteration}`, 'training to resume', WAIT_MS);
      mkdirSync('test-artifacts', { recursive: true });
      writeFileSync('test-artifacts/demo.png', await demo.screenshot());
      expect(demo.errors).toEqual([]);
    });
  });
});
