import type { Readable, Writable } from 'node:stream';

/**
 * A minimal Chrome DevTools Protocol client over `--remote-debugging-pipe`: Chromium reads
 * commands on its fd 3 and writes replies and events on its fd 4, each message one JSON object
 * followed by a NUL byte. Sessions (`sessionId`) address pages attached with `flatten: true`.
 */

type Json = Record<string, unknown>;

interface Pending {
  readonly method: string;
  readonly resolve: (result: Json) => void;
  readonly reject: (error: Error) => void;
}

export interface CdpEvent {
  readonly method: string;
  readonly params: Json;
  readonly sessionId: string | undefined;
}

export class CdpConnection {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly listeners = new Set<(event: CdpEvent) => void>();
  private buffered = '';
  private closedReason: string | null = null;

  constructor(
    private readonly toBrowser: Writable,
    fromBrowser: Readable,
  ) {
    fromBrowser.setEncoding('utf8');
    fromBrowser.on('data', (chunk: string) => this.receive(chunk));
    fromBrowser.on('close', () => this.close('the browser closed the pipe'));
    toBrowser.on('error', (e: Error) => this.close(`writing to the browser failed: ${e.message}`));
  }

  /** Sends a command (to the browser, or to a page's session) and resolves with its result. */
  send(method: string, params: Json = {}, sessionId?: string): Promise<Json> {
    if (this.closedReason !== null) return Promise.reject(new Error(`CDP ${method}: ${this.closedReason}`));
    const id = this.nextId++;
    const message = sessionId === undefined ? { id, method, params } : { id, method, params, sessionId };
    return new Promise((resolve, reject) => {
      this.pending.set(id, { method, resolve, reject });
      this.toBrowser.write(`${JSON.stringify(message)}\0`);
    });
  }

  /** Calls `listener` for every event until the returned function is called. */
  onEvent(listener: (event: CdpEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The first event named `method` (of `sessionId`, if given) that `accept` accepts. */
  waitFor(method: string, sessionId?: string, accept: (params: Json) => boolean = () => true): Promise<Json> {
    return new Promise((resolve) => {
      const off = this.onEvent((e) => {
        if (e.method === method && (sessionId === undefined || e.sessionId === sessionId) && accept(e.params)) {
          off();
          resolve(e.params);
        }
      });
    });
  }

  /** Fails every command still waiting; later sends fail at once. */
  close(reason: string): void {
    if (this.closedReason !== null) return;
    this.closedReason = reason;
    for (const p of this.pending.values()) p.reject(new Error(`CDP ${p.method}: ${reason}`));
    this.pending.clear();
  }

  private receive(chunk: string): void {
    this.buffered += chunk;
    let end = this.buffered.indexOf('\0');
    while (end >= 0) {
      const text = this.buffered.slice(0, end);
      this.buffered = this.buffered.slice(end + 1);
      this.dispatch(JSON.parse(text) as Json);
      end = this.buffered.indexOf('\0');
    }
  }

  private dispatch(message: Json): void {
    if (typeof message.id === 'number') {
      const p = this.pending.get(message.id);
      if (p === undefined) return;
      this.pending.delete(message.id);
      const error = message.error as { message?: string; data?: string } | undefined;
      if (error !== undefined) p.reject(new Error(`CDP ${p.method}: ${error.message ?? 'failed'}${error.data ? ` (${error.data})` : ''}`));
      else p.resolve((message.result ?? {}) as Json);
      return;
    }
    const event: CdpEvent = {
      method: String(message.method),
      params: (message.params ?? {}) as Json,
      sessionId: message.sessionId as string | undefined,
    };
    for (const listener of [...this.listeners]) listener(event);
  }
}
