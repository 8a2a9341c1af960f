import { WorkerPool } from '../src/workers/worker-pool.js';
import { type WebWorker, webWorkerPort } from './web-worker-port.js';
import type { FromWorker, ToWorker } from './worker-protocol.js';

/** The pool of one training worker: an error reply, or the worker's own uncaught error, fails the request it answers. */
export function trainingPool(worker: WebWorker): WorkerPool<ToWorker, FromWorker> {
  return new WorkerPool([webWorkerPort<ToWorker, FromWorker>(worker)], {
    name: 'the training worker',
    failure: (reply) => (reply.type === 'error' ? new Error(reply.message) : null),
  });
}
