import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { CdpConnection } from './cdp.js';

/** Headless Chromium driven over its DevTools pipe, with a throwaway profile. */

export interface LaunchOptions {
  /** Path of the Chromium executable (see findChromium). */
  readonly executable: string;
  /** Viewport of new pages, CSS pixels; default 1280 x 800. */
  readonly width?: number;
  readonly height?: number;
}

const STDERR_LINES_KEPT = 20;

export class Chromium {
  private readonly stderr: string[] = [];
  private readonly exited: Promise<void>;

  private constructor(
    private readonly process: ChildProcess,
    readonly connection: CdpConnection,
    private readonly profile: string,
    readonly width: number,
    readonly height: number,
  ) {
    process.stderr?.setEncoding('utf8');
    process.stderr?.on('data', (chunk: string) => {
      this.stderr.push(...chunk.split('\n').filter((l) => l.trim() !== ''));
      this.stderr.splice(0, Math.max(0, this.stderr.length - STDERR_LINES_KEPT));
    });
    this.exited = new Promise((resolve) => process.once('exit', () => resolve()));
  }

  static async launch(options: LaunchOptions): Promise<Chromium> {
    const width = options.width ?? 1280;
    const height = options.height ?? 800;
    const profile = mkdtempSync(join(tmpdir(), 'metarl-chromium-'));
    const args = [
      '--headless',
      '--remote-debugging-pipe',
      `--user-data-dir=${profile}`,
      `--window-size=${width},${height}`,
      '--no-first-run',
      '--no-default-browser-check',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-extensions',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // Timers and workers of a page nobody looks at must not be slowed down.
      '--disable-background-timer-throttling',
      '--disable-renderer-backgrounding',
      '--disable-backgrounding-occluded-windows',
      '--hide-scrollbars',
      '--mute-audio',
      // Chromium refuses to run as root with its sandbox (containers, CI).
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      'about:blank',
    ];
    const child = spawn(options.executable, args, { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] });
    const connection = new CdpConnection(child.stdio[3] as Writable, child.stdio[4] as Readable);
    const browser = new Chromium(child, connection, profile, width, height);
    const failed = new Promise<never>((_, reject) => {
      child.once('error', (e) => reject(new Error(`cannot start ${options.executable}: ${e.message}`)));
      child.once('exit', (code) => reject(new Error(`${options.executable} exited with code ${code} at start: ${browser.stderr.join(' | ')}`)));
    });
    await Promise.race([connection.send('Browser.getVersion'), failed]);
    return browser;
  }

  /** A new tab, attached and with its page and runtime domains enabled. */
  async newPage(): Promise<Page> {
    const { targetId } = await this.connection.send('Target.createTarget', { url: 'about:blank' });
    const { sessionId } = await this.connection.send('Target.attachToTarget', { targetId, flatten: true });
    const page = new Page(this.connection, String(sessionId));
    await page.enable(this.width, this.height);
    return page;
  }

  /**
   * Saves downloads into `dir` and resolves with the file name of the next one to complete
   * (call it before the click that starts the download).
   */
  nextDownload(dir: string): Promise<string> {
    // Listening before anything is sent: the download's events may arrive in one read.
    return new Promise((resolve, reject) => {
      let guid: unknown = null;
      let name = '';
      const off = this.connection.onEvent(({ method, params }) => {
        if (method === 'Browser.downloadWillBegin' && guid === null) {
          guid = params.guid;
          name = String(params.suggestedFilename);
        } else if (method === 'Browser.downloadProgress' && params.guid === guid && params.state !== 'inProgress') {
          off();
          if (params.state === 'completed') resolve(name);
          else reject(new Error(`download of ${name} ${String(params.state)}`));
        }
      });
      this.connection.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: dir, eventsEnabled: true }).catch(reject);
    });
  }

  /** Asks the browser to quit, kills it if it has not within 5 s, and deletes the profile. */
  async close(): Promise<void> {
    if (this.process.exitCode === null && this.process.signalCode === null) {
      this.connection.send('Browser.close').catch(() => undefined);
      const timer = setTimeout(() => this.process.kill('SIGKILL'), 5000);
      await this.exited;
      clearTimeout(timer);
    }
    this.connection.close('the browser was closed');
    rmSync(this.profile, { recursive: true, force: true });
  }
}

/** One tab: navigation, evaluation and screenshots; collects the page's errors as they happen. */
export class Page {
  /** Uncaught exceptions and console.error lines, in order. */
  readonly errors: string[] = [];

  constructor(
    private readonly connection: CdpConnection,
    readonly sessionId: string,
  ) {
    connection.onEvent((e) => {
      if (e.sessionId !== sessionId) return;
      if (e.method === 'Runtime.exceptionThrown') {
        const details = e.params.exceptionDetails as { text?: string; exception?: { description?: string } };
        this.errors.push(details.exception?.description ?? details.text ?? 'uncaught exception');
      } else if (e.method === 'Runtime.consoleAPICalled' && e.params.type === 'error') {
        const args = e.params.args as { value?: unknown; description?: string }[];
        this.errors.push(args.map((a) => a.description ?? String(a.value)).join(' '));
      }
    });
  }

  private send(method: string, params: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
    return this.connection.send(method, params, this.sessionId);
  }

  async enable(width: number, height: number): Promise<void> {
    await this.send('Page.enable');
    await this.send('Runtime.enable');
    await this.send('Emulation.setDeviceMetricsOverride', { width, height, deviceScaleFactor: 1, mobile: false });
  }

  /** Navigates and resolves once the page's load event has fired. */
  async goto(url: string): Promise<void> {
    const loaded = this.connection.waitFor('Page.loadEventFired', this.sessionId);
    const { errorText } = await this.send('Page.navigate', { url });
    if (typeof errorText === 'string' && errorText !== '') throw new Error(`navigating to ${url}: ${errorText}`);
    await loaded;
  }

  /** The value of a page expression (a promise is awaited); an exception in the page rejects with its stack. */
  async evaluate<T>(expression: string): Promise<T> {
    const reply = await this.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true });
    const details = reply.exceptionDetails as { text?: string; exception?: { description?: string } } | undefined;
    if (details !== undefined) throw new Error(`in the page: ${details.exception?.description ?? details.text}`);
    return (reply.result as { value: T }).value;
  }

  /** Polls a page expression until it is truthy; throws naming `what` (and the last page errors) after `timeoutMs`. */
  async waitUntil(expression: string, what: string, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await this.evaluate<boolean>(expression))) {
      if (Date.now() > deadline) throw new Error(`waited ${timeoutMs / 1000} s for ${what}${this.errors.length > 0 ? `; page errors: ${this.errors.join(' | ')}` : ''}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** Sets the files of the `<input type=file>` that `selector` finds, as if a person had chosen them. */
  async setInputFiles(selector: string, files: readonly string[]): Promise<void> {
    const { root } = await this.send('DOM.getDocument');
    const { nodeId } = await this.send('DOM.querySelector', { nodeId: (root as { nodeId: number }).nodeId, selector });
    if (nodeId === 0) throw new Error(`setInputFiles: no element matches ${selector}`);
    await this.send('DOM.setFileInputFiles', { nodeId, files });
  }

  /** A PNG of the viewport. */
  async screenshot(): Promise<Buffer> {
    const { data } = await this.send('Page.captureScreenshot', { format: 'png' });
    return Buffer.from(String(data), 'base64');
  }
}
