// node scripts/run-ts.mjs scripts/browser/demo-screenshot.ts OUT.png [SECONDS] [ENV]: the README's
// screenshot. Lets the demo train ENV (default cartpole) for SECONDS (default 60) in headless
// Chromium, with a fixture in its audit panel, and saves a 1280 x 800 screenshot.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { buildDemoSite } from './demo-site.js';
import { DrivenPage } from './driven-page.js';
import { findChromium } from './find-chromium.js';
import { launchBrowser } from './launch.js';
import { serveStatic } from './static-server.js';

const [out, secondsArg = '60', env = 'cartpole'] = process.argv.slice(2);
const seconds = Number(secondsArg);
if (out === undefined || !(seconds >= 0)) {
  console.error('usage: demo-screenshot.ts OUT.png [SECONDS >= 0] [ENV]');
  process.exit(2);
}
const executable = findChromium();
if (executable === null) {
  console.error('no Chromium found: apt-get install chromium, or set CHROMIUM to its path');
  process.exit(1);
}
const site = '.cache/demo-screenshot';
/** Starting the page's workers beside whatever else the machine runs. */
const LOAD_MS = 60_000;
await buildDemoSite(site);
const server = await serveStatic({ '/': site });
const { browser, close } = await launchBrowser('chromium', executable);
try {
  const page = await DrivenPage.open(browser, `${server.url}/`, LOAD_MS);
  if (env !== 'cartpole') await page.evaluate(`document.getElementById('env').value = ${JSON.stringify(env)}; document.getElementById('restart').click()`);
  await page.setInputFiles('#audit-file', [resolve('test/data/fixtures/cartpole-tanh.json')]);
  await new Promise((done) => setTimeout(done, seconds * 1000));
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, await page.screenshot());
  console.log(`${out}: ${JSON.stringify(await page.evaluate('window.demoState.lanes.map(({ firstPreview: _, ...lane }) => lane)'))}`);
  if (page.errors.length > 0) console.error(`page errors: ${page.errors.join(' | ')}`);
  await page.close();
} finally {
  await close();
  await server.close();
}
