// The Node side of the two-thread gemm: its helper as a worker thread running the kernels' helper
// source, unreferenced so that it never keeps a finished process alive.
import { Worker } from 'node:worker_threads';
import type { GemmHelperInit } from '../kernels/gemm-threads.js';

export function startGemmHelper(source: string, init: GemmHelperInit): { terminate(): void } {
  const worker = new Worker(`const { workerData } = require('node:worker_threads');\n(${source})(workerData);`, { eval: true, workerData: init });
  worker.unref();
  return { terminate: () => void worker.terminate() };
}
