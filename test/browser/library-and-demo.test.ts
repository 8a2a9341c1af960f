import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'puppeteer-core';
import { browserRequired, browsersUnderTest, packageOf } from '../../scripts/browser/browsers-under-test.js';
import { ChromiumDownloads } from '../../scripts/browser/chromium-downloads.js';
import { buildDemoSite } from '../../scripts/browser/demo-site.js';
import { DrivenPage } from '../../scripts/browser/driven-page.js';
import { FolderDownloads } from '../../scripts/browser/folder-downloads.js';
import { type BrowserKind, launchBrowser } from '../../scripts/browser/launch.js';
import { type StaticServer, serveStatic } from '../../scripts/browser/static-server.js';
import { PreviewMaker } from '../../demo/adaptation-preview.js';
import { type DemoState, type EpisodeRecord, type PreviewRecord, previewRecord } from '../../demo/demo-state.js';
import { END_REASON, END_REASONS, readLanderScenery } from '../../demo/lunarlander-trace.js';
import { demoConfig } from '../../demo/presets.js';
import { landerView } from '../../demo/renderers/lunarlander-view.js';
import type { WasmUsage } from '../../demo/wasm-usage.js';
import { type AlgorithmName, type IterationLog, type MetaConfig, MetaTrainer, type TrainerSnapshot, hasEnv, resolveConfig } from '../../src/index.js';
import { dataPath, listData, readDataJson } from '../helpers/reference-data.js';
import { type FixtureQuantities, fixtureQuantities } from '../runtimes/fixture-quantities.js';
import type { WorkerRun } from './page/browser-test-page.js';
import { buildTestPage } from './test-page.js';

/**
 * The engine in real browsers (headless Chromium and Firefox ESR under puppeteer-core, pages served
 * from 127.0.0.1): every PyTorch fixture audited in the page gives Node's errors and Node's bits,
 * and a seeded directed-maml run in a Web Worker gives Node's log number for number. Then the demo:
 * it trains, animates, audits a fixture, pauses, hands out a checkpoint the CLI reads, resumes,
 * and leaves a screenshot in test-artifacts/demo.png (demo-firefox.png); switched to LunarLander,
 * it trains, records Node's episodes (up to the last bit of sin and cos) and draws Gymnasium's
 * scene (test-artifacts/demo-lunarlander.png). Each browser runs where it is found;
 * METARL_BROWSER=required (npm run test:browser) makes a missing one a failure.
 */

const required = browserRequired;
const browsers = browsersUnderTest();
for (const [kind, executable] of browsers) {
  if (executable === null && !required) console.log(`browser tests not run in ${kind}: not found (apt-get install ${packageOf(kind)}, or set ${kind.toUpperCase()} to its path)`);
}

/** An artifact's file name: Chromium's keeps the plain name, other browsers' add theirs. */
function artifact(name: string, kind: BrowserKind): string {
  return `test-artifacts/${name}${kind === 'chromium' ? '' : `-${kind}`}.png`;
}

/** Saves downloads somewhere and names the next one to complete after a click. */
interface Downloads {
  next(start: () => Promise<unknown>, timeoutMs: number): Promise<string>;
}

/** Bundling, starting a browser and loading a page: seconds, more while the rest of the suite runs beside. */
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

/** Gymnasium's LunarLander hull polygon (pixels; 30 per metre) in the order Box2D's hull keeps it, and its leg box. */
const LANDER_HULL_PX = [17, -10, 17, 0, 14, 17, -14, 17, -17, 0, -17, -10];
const LANDER_LEG_PX = [-2, -8, 2, -8, 2, 8, -2, 8];
/** Gymnasium's LunarLander colours: black sky, white ground, yellow helipad flags. */
const SKY_RGBA = [0, 0, 0, 255];
const GROUND_RGBA = [255, 255, 255, 255];
const FLAG_RGBA = [204, 204, 0, 255];

/** Numbers per recorded LunarLander frame: (x, y, angle) of the hull and both legs, two leg contacts, the end reason. */
const LANDER_FRAME_SIZE = 12;

function lastLanderEndReason(episode: EpisodeRecord): string | null {
  return END_REASONS[episode.states[episode.steps * LANDER_FRAME_SIZE + END_REASON]];
}

/**
 * A browser's Math.sin, cos, exp and atan2 differ from Node 20's in the last bit now and then, and
 * the physics turns bodies with sin and cos: a page's LunarLander episode is Node's up to rounding
 * (about 1e-13 m after a hundred steps), with the same task, terrain, length and contacts.
 */
const LANDER_STATE_TOLERANCE = 1e-9;
const LANDER_RETURN_TOLERANCE = 1e-6;

function expectSamePreview(inPage: PreviewRecord, inNode: PreviewRecord): void {
  expect({ iteration: inPage.iteration, task: inPage.task }).toEqual({ iteration: inNode.iteration, task: inNode.task });
  for (const when of ['before', 'after'] as const) {
    const page = inPage[when], node = inNode[when];
    expect({ steps: page.steps, terminated: page.terminated, scenery: page.scenery }, when).toEqual({ steps: node.steps, terminated: node.terminated, scenery: node.scenery });
    expect(page.states.length, when).toBe(node.states.length);
    expect(Math.max(...page.states.map((v, i) => Math.abs(v - node.states[i]))), `${when}: largest state difference`).toBeLessThan(LANDER_STATE_TOLERANCE);
    expect(Math.abs(page.totalReturn - node.totalReturn), `${when}: return difference`).toBeLessThan(LANDER_RETURN_TOLERANCE);
  }
}

function expectKernelsUsed(usage: WasmUsage, where: string): void {
  expect(usage.simd, `${where}: WebAssembly SIMD validates`).toBe(true);
  expect(usage.instances, `${where}: kernel modules instantiated`).toBeGreaterThan(1);
  expect(usage.calls, `${where}: kernel calls`).toBeGreaterThan(0);
}

for (const [kind, executable] of browsers) describe.runIf(executable !== null || required)(`in headless ${kind}`, () => {
  let dir = '';
  let server: StaticServer | null = null;
  let browser: Browser | null = null;
  let closeBrowser: () => Promise<void> = async () => undefined;
  let downloads: Downloads | null = null;
  let closeDownloads: () => Promise<void> = async () => undefined;
  let page: DrivenPage | null = null;
  const inPage = (): DrivenPage => page as DrivenPage;

  beforeAll(async () => {
    if (executable === null) throw new Error(`METARL_BROWSER=required but no ${kind} was found: apt-get install ${packageOf(kind)}, or set ${kind.toUpperCase()} to its path`);
    dir = mkdtempSync(join(tmpdir(), `metarl-browser-test-${kind}-`));
    const downloadDir = join(dir, 'downloads');
    mkdirSync(downloadDir);
    await buildTestPage(join(dir, 'test'));
    await buildDemoSite(join(dir, 'demo'));
    server = await serveStatic({ '/': join(dir, 'test'), '/demo/': join(dir, 'demo'), '/fixtures/': dataPath('fixtures') });
    ({ browser, close: closeBrowser } = await launchBrowser(kind, executable, { firefoxDownloadDir: downloadDir }));
    if (kind === 'chromium') {
      const chromium = await ChromiumDownloads.into(browser, downloadDir);
      downloads = chromium;
      closeDownloads = () => chromium.close();
    } else {
      downloads = new FolderDownloads(downloadDir);
    }
    page = await DrivenPage.open(browser, `${server.url}/`, SETUP_MS);
  }, SETUP_MS);

  afterAll(async () => {
    await page?.close();
    await closeDownloads();
    await closeBrowser();
    await server?.close();
    if (dir !== '') rmSync(dir, { recursive: true, force: true });
  }, SETUP_MS);

  it('audits every fixture with the same errors and the same bits as Node', async () => {
    const files = listData('fixtures').filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThanOrEqual(5);
    const page = inPage();
    const audited = await page.evaluate<FixtureQuantities[]>(`metarlBrowserTest.audit(${JSON.stringify(files.map((f) => `/fixtures/${f}`))})`);
    files.forEach((file, i) => {
      const inNode = fixtureQuantities(readDataJson('fixtures', file));
      expect(audited[i].rows, file).toEqual(inNode.rows);
      expect(Math.max(...audited[i].rows.map((r) => r.error)), file).toBeLessThan(1e-10);
      expect(Object.keys(audited[i].bits), file).toEqual(Object.keys(inNode.bits));
      for (const [quantity, hex] of Object.entries(inNode.bits)) expect(audited[i].bits[quantity], `${file} ${quantity}`).toBe(hex);
    });
    expect(page.errors).toEqual([]);
    expectKernelsUsed(await page.evaluate<WasmUsage>('metarlBrowserTest.wasm()'), 'page');
  });

  for (const env of TRAINING_ENVS) {
    it.runIf(hasEnv(env))(`trains directed-maml on ${env} in a Web Worker: Node's log and checkpoint, number for number`, async () => {
      const page = inPage();
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
    let demo: DrivenPage;
    const demoState = (): Promise<DemoState> => demo.evaluate<DemoState>('window.demoState');

    beforeAll(async () => {
      demo = await DrivenPage.open(browser as Browser, `${(server as StaticServer).url}/demo/`, SETUP_MS);
    }, SETUP_MS);

    afterAll(async () => {
      await demo?.close();
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
      await demo.setInputFiles('#audit-file', [dataPath('fixtures', 'tiny-tanh.json')]);
      await demo.waitUntil('window.demoState.audit !== null', 'the audit of tiny-tanh.json', WAIT_MS);
      const { audit } = await demoState();
      const rows = fixtureQuantities(readDataJson('fixtures', 'tiny-tanh.json')).rows;
      expect(audit).toEqual({ file: 'tiny-tanh.json', quantities: rows.length, maxError: Math.max(...rows.map((r) => r.error)) });
    });

    it('pauses, downloads a log and checkpoint the CLI reads, resumes, and shows it all', async () => {
      await demo.evaluate(`document.getElementById('pause').click()`);
      const downloadDir = join(dir, 'downloads');
      const files: string[] = [];
      for (const button of ['log.jsonl', 'checkpoint.json']) {
        const click = (): Promise<unknown> => demo.evaluate(`[...document.querySelectorAll('#downloads button')].find((b) => b.textContent === '${button}').click()`);
        files.push(await (downloads as Downloads).next(click, WAIT_MS));
      }
      expect(files).toEqual(['log.jsonl', 'checkpoint.json']);
      const snapshot = JSON.parse(readFileSync(join(downloadDir, 'checkpoint.json'), 'utf8')) as TrainerSnapshot;
      const trainer = MetaTrainer.restore(snapshot);
      expect(trainer.config).toEqual(resolveConfig(demoConfig('cartpole', 'maml', 0)));
      const log = parseLog(readFileSync(join(downloadDir, 'log.jsonl'), 'utf8'));
      expect(log.map((l) => l.iteration)).toEqual(Array.from({ length: snapshot.iteration }, (_, i) => i + 1));
      expect(log[log.length - 1].totals).toEqual(snapshot.totals);
      // Paused: the page has received exactly the checkpoint's iterations, and no more come.
      await demo.waitUntil(`window.demoState.lanes[0].iterations === ${snapshot.iteration}`, 'the page to show the paused run', WAIT_MS);
      expect((await demoState()).lanes[0].iterations).toBe(snapshot.iteration);

      await demo.evaluate(`document.getElementById('pause').click()`);
      await demo.waitUntil(`window.demoState.lanes[0].iterations > ${snapshot.iteration}`, 'training to resume', WAIT_MS);
      mkdirSync('test-artifacts', { recursive: true });
      writeFileSync(artifact('demo', kind), await demo.screenshot());
      expect(demo.errors).toEqual([]);
    });

    it('trains on LunarLander, records the lander as Node does and draws it where Gymnasium would', async () => {
      await demo.evaluate(`document.getElementById('env').value = 'lunarlander'; document.getElementById('restart').click()`);
      const trained = `window.demoState.env === 'lunarlander' && window.demoState.lanes.every((l) => l.iterations >= 2 && l.firstPreview !== null) && window.demoState.framesDrawn > 0`;
      await demo.waitUntil(trained, 'two LunarLander iterations and a drawn preview of each run', WAIT_MS);
      const first = await demoState();
      await demo.waitUntil(`window.demoState.framesDrawn > ${first.framesDrawn}`, 'more LunarLander frames', WAIT_MS);

      // A run's first preview comes before its first iteration: Node records the same episodes.
      for (const lane of first.lanes) {
        expect(lane.error).toBeNull();
        const inNode = previewRecord(new PreviewMaker(new MetaTrainer(resolveConfig(demoConfig('lunarlander', lane.algo as AlgorithmName, 0)))).next());
        expectSamePreview(lane.firstPreview as PreviewRecord, inNode);
      }
      const preview = first.lanes[0].firstPreview as PreviewRecord;
      const scenery = readLanderScenery(Float64Array.from(preview.before.scenery));
      const f32px = (px: number[]): number[] => px.map((p) => Math.fround(p / 30));
      expect(Array.from(scenery.polygons[0])).toEqual(f32px(LANDER_HULL_PX));
      expect(scenery.polygons.slice(1).map((p) => Array.from(p))).toEqual([f32px(LANDER_LEG_PX), f32px(LANDER_LEG_PX)]);
      // The helipad spans chunks 4 to 6 of 10 across W = 20 m, at H/4.
      expect([scenery.helipadX1, scenery.helipadX2, scenery.helipadY]).toEqual([8, 12, 400 / 30 / 4]);
      for (const episode of [preview.before, preview.after]) {
        expect(episode.states.length).toBe(LANDER_FRAME_SIZE * (episode.steps + 1));
        expect(lastLanderEndReason(episode) !== null).toBe(episode.terminated);
      }

      // Whatever frame each canvas shows: sky above the terrain (at most H/2 high), ground under the
      // helipad and the two flags (drawn over the lander) where Gymnasium puts them: 25 x 10 px
      // triangles atop 50 px poles.
      const canvases = await demo.evaluate<{ width: number; height: number; ratio: number }[]>(
        `[...document.querySelectorAll('#players canvas')].map((c) => ({ width: c.clientWidth, height: c.clientHeight, ratio: c.width / c.clientWidth }))`,
      );
      expect(canvases).toHaveLength(4);
      const flagY = scenery.helipadY + 45 / 30;
      const probes = [[1, 12, SKY_RGBA], [10, 2.5, GROUND_RGBA], [8 + 6 / 30, flagY, FLAG_RGBA], [12 + 6 / 30, flagY, FLAG_RGBA]] as const;
      const pixelsAt = canvases.map(({ width, height, ratio }) => {
        const { scale, originX, originY } = landerView(width, height);
        return probes.map(([x, y]) => [Math.floor((originX + x * scale) * ratio), Math.floor((originY - y * scale) * ratio)]);
      });
      const pixels = await demo.evaluate<number[][][]>(
        `[...document.querySelectorAll('#players canvas')].map((c, i) => ${JSON.stringify(pixelsAt)}[i].map(([x, y]) => [...c.getContext('2d').getImageData(x, y, 1, 1).data]))`,
      );
      expect(pixels).toEqual(canvases.map(() => probes.map(([, , rgba]) => rgba)));
      mkdirSync('test-artifacts', { recursive: true });
      writeFileSync(artifact('demo-lunarlander', kind), await demo.screenshot());
      expect(demo.errors).toEqual([]);
    });
  });
});
