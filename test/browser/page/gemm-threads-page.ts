import { gemm, gemmWasm } from '../../../src/kernels/gemm.js';
import { disableGemmThreads, enableGemmThreads, gemmThreadsReady } from '../../../src/kernels/gemm-threads.js';
import { bitsDigest, firstMismatch, gemmProducts } from './gemm-products.js';

/**
 * The page of the two-thread gemm's browser test: `metarlGemmThreads()` starts the helper in a Web
 * Worker from a Blob (as docs/library.md shows), splits every product of two rows or more, and
 * returns, as JSON, whether the page is cross-origin isolated, whether the threads started, and
 * the products' digest beside their first difference from one thread's.
 */

declare const Worker: new (url: string) => { postMessage(message: unknown): void; terminate(): void };
declare const Blob: new (parts: string[], options: { type: string }) => object;
declare const URL: { createObjectURL(blob: object): string };

async function metarlGemmThreads(): Promise<string> {
  const isolated = (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === true;
  const enabled = enableGemmThreads((source, init) => {
    const worker = new Worker(URL.createObjectURL(new Blob([`onmessage = (e) => (${source})(e.data)`], { type: 'text/javascript' })));
    worker.postMessage(init);
    return worker;
  }, 1);
  for (let i = 0; enabled && !gemmThreadsReady() && i < 1000; i++) await new Promise((r) => setTimeout(r, 10));
  const ready = gemmThreadsReady();
  const results = gemmProducts(gemm);
  disableGemmThreads();
  const oneThread = gemmProducts(gemmWasm);
  return JSON.stringify({ isolated, enabled, ready, digest: bitsDigest(results), againstOneThread: firstMismatch(results, oneThread) });
}

(globalThis as { metarlGemmThreads?: () => Promise<string> }).metarlGemmThreads = metarlGemmThreads;
