import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserKind, launchBrowser } from './launch.js';
import { serveStatic } from './static-server.js';

/**
 * One script in one page: the script is served with an index.html that loads it from 127.0.0.1
 * (cross-origin isolated or not), opened in a headless browser, and one expression evaluated there;
 * the served folder, server and browser are gone when it returns.
 */

export interface PageRun {
  /** The expression's value, a string the page's code prepared. */
  readonly value: string;
  /** Uncaught errors the page reported. */
  readonly errors: string[];
}

export interface PageRunOptions {
  readonly title: string;
  /** The bundled script, saved under its name beside index.html. */
  readonly script: { readonly name: string; readonly text: string };
  readonly expression: string;
  readonly isolated?: boolean;
}

export async function runInPage(kind: BrowserKind, executable: string, options: PageRunOptions): Promise<PageRun> {
  const dir = mkdtempSync(join(tmpdir(), `metarl-page-${kind}-`));
  writeFileSync(join(dir, options.script.name), options.script.text);
  writeFileSync(join(dir, 'index.html'), `<!doctype html>\n<meta charset="utf-8">\n<title>${options.title}</title>\n<script src="${options.script.name}"></script>\n`);
  const server = await serveStatic({ '/': dir }, { isolated: options.isolated ?? false });
  const { browser, close } = await launchBrowser(kind, executable);
  try {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${server.url}/`);
    const value = await page.evaluate(options.expression) as string;
    return { value, errors };
  } finally {
    await close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
