import type { Browser, CDPSession } from 'puppeteer-core';

interface DownloadWillBegin {
  readonly guid: string;
  readonly suggestedFilename: string;
}

interface DownloadProgress {
  readonly guid: string;
  readonly state: 'inProgress' | 'completed' | 'canceled';
}

/**
 * Chromium's downloads saved into one folder, through a browser-level DevTools session (puppeteer
 * has no download API of its own): `next` names the next download to complete.
 */
export class ChromiumDownloads {
  private constructor(private readonly session: CDPSession) {}

  static async into(browser: Browser, dir: string): Promise<ChromiumDownloads> {
    const session = await browser.target().createCDPSession();
    await session.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: dir, eventsEnabled: true });
    return new ChromiumDownloads(session);
  }

  /**
   * Runs `start` (the click that begins a download) and resolves with the file name of the first
   * download to complete after it; rejects if it is cancelled or has not completed in `timeoutMs`.
   */
  next(start: () => Promise<unknown>, timeoutMs: number): Promise<string> {
    const session = this.session;
    return new Promise<string>((resolve, reject) => {
      let guid: string | null = null;
      let name = '';
      const finish = (error: Error | null): void => {
        clearTimeout(timer);
        session.off('Browser.downloadWillBegin', onBegin);
        session.off('Browser.downloadProgress', onProgress);
        if (error === null) resolve(name);
        else reject(error);
      };
      const onBegin = (event: DownloadWillBegin): void => {
        if (guid !== null) return;
        guid = event.guid;
        name = event.suggestedFilename;
      };
      const onProgress = (event: DownloadProgress): void => {
        if (event.guid !== guid || event.state === 'inProgress') return;
        finish(event.state === 'completed' ? null : new Error(`download of ${name} ${event.state}`));
      };
      const timer = setTimeout(() => finish(new Error(`no download completed within ${timeoutMs / 1000} s${guid === null ? '' : ` (${name} began)`}`)), timeoutMs);
      // Listening before the click: the download's events may arrive before it returns.
      session.on('Browser.downloadWillBegin', onBegin);
      session.on('Browser.downloadProgress', onProgress);
      start().catch((e: unknown) => finish(e instanceof Error ? e : new Error(String(e))));
    });
  }

  close(): Promise<void> {
    return this.session.detach();
  }
}
