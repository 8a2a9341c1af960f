import type { WorkerPort } from '../src/workers/worker-pool.js';

/** The slice of the DOM's Worker a pool drives (the test page compiles without lib.dom). */
export interface WebWorker {
  postMessage(message: unknown): void;
  terminate(): void;
  addEventListener(type: 'message', listener: (event: { readonly data: unknown }) => void): void;
  addEventListener(type: 'error', listener: (event: { readonly message: string }) => void): void;
}

/** A Web Worker as one worker of a WorkerPool; it never reports an exit (a browser's worker does not). */
export function webWorkerPort<Request, Reply>(worker: WebWorker): WorkerPort<Request, Reply> {
  return {
    post: (request) => worker.postMessage(request),
    listen: ({ message, error }) => {
      worker.addEventListener('message', (event) => message(event.data as Reply));
      worker.addEventListener('error', (event) => error(new Error(event.message)));
    },
    terminate: () => {
      worker.terminate();
      return Promise.resolve();
    },
  };
}
