import type { Browser, ConsoleMessage, Page } from 'puppeteer-core';

/**
 * A puppeteer page driven by expressions, as the browser tests and the screenshot script use it:
 * every wait ends at its timeout with a message naming what it waited for, and the page's uncaught
 * errors and console.error lines are collected until `close` removes the listeners.
 */
export class DrivenPage {
  /** Uncaught exceptions and console.error lines, in order. */
  readonly errors: string[] = [];

  private constructor(readonly page: Page) {
    page.on('pageerror', this.onPageError);
    page.on('console', this.onConsole);
  }

  /** A new tab of `browser` at `url`, once its load event has fired (within `timeoutMs`). */
  static async open(browser: Browser, url: string, timeoutMs: number): Promise<DrivenPage> {
    const driven = new DrivenPage(await browser.newPage());
    driven.page.setDefaultTimeout(timeoutMs);
    await driven.page.goto(url, { waitUntil: 'load', timeout: timeoutMs });
    return driven;
  }

  /** The value of a page expression (a promise is awaited). */
  evaluate<T>(expression: string): Promise<T> {
    return this.page.evaluate(expression) as Promise<T>;
  }

  /** Polls a page expression until it is truthy; throws naming `what` (and the page errors) after `timeoutMs`. */
  async waitUntil(expression: string, what: string, timeoutMs: number): Promise<void> {
    try {
      const handle = await this.page.waitForFunction(expression, { polling: 100, timeout: timeoutMs });
      await handle.dispose();
    } catch (e) {
      const errors = this.errors.length > 0 ? `; page errors: ${this.errors.join(' | ')}` : '';
      throw new Error(`waited ${timeoutMs / 1000} s for ${what}: ${(e as Error).message}${errors}`);
    }
  }

  /** Sets the files of the `<input type=file>` that `selector` finds, as if a person had chosen them. */
  async setInputFiles(selector: string, files: readonly string[]): Promise<void> {
    const input = await this.page.$(selector);
    if (input === null) throw new Error(`setInputFiles: no element matches ${selector}`);
    try {
      await input.uploadFile(...files);
    } finally {
      await input.dispose();
    }
  }

  /** A PNG of the viewport. */
  screenshot(): Promise<Uint8Array> {
    return this.page.screenshot({ type: 'png' });
  }

  async close(): Promise<void> {
    this.page.off('pageerror', this.onPageError);
    this.page.off('console', this.onConsole);
    await this.page.close();
  }

  private readonly onPageError = (error: unknown): void => {
    this.errors.push(error instanceof Error ? (error.stack ?? error.message) : String(error));
  };

  // Only the page's own console.error calls (they carry arguments): the browser's log lines, such
  // as the 404 of a favicon nobody serves, come without.
  private readonly onConsole = (message: ConsoleMessage): void => {
    if (message.type() === 'error' && message.args().length > 0) this.errors.push(message.text());
  };
}
