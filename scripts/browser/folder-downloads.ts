import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Firefox's name for a download still being written: the file's name with this suffix. */
const PARTIAL = '.part';
const POLL_MS = 100;

/**
 * Downloads a browser saves into a folder on its own (Firefox with its download preferences):
 * `next` names the next file to appear there complete, found by watching the folder.
 */
export class FolderDownloads {
  constructor(private readonly dir: string) {}

  /**
   * Runs `start` (the click that begins a download) and resolves with the name of the first new
   * file in the folder once no partial file is left; rejects if none is complete in `timeoutMs`.
   */
  async next(start: () => Promise<unknown>, timeoutMs: number): Promise<string> {
    const before = new Set(readdirSync(this.dir));
    await start();
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const names = readdirSync(this.dir);
      const added = names.filter((n) => !before.has(n) && !n.endsWith(PARTIAL));
      if (added.length > 0 && !names.some((n) => n.endsWith(PARTIAL)) && statSync(join(this.dir, added[0])).size > 0) return added[0];
      if (Date.now() > deadline) throw new Error(`no download completed in ${this.dir} within ${timeoutMs / 1000} s (it holds ${JSON.stringify(names)})`);
      await new Promise((done) => setTimeout(done, POLL_MS));
    }
  }
}
