// The matmul floor, side by side: our WebAssembly gemm (f64x2, separate multiply and add, operands
// in an arena as compiled programs have them) against PyTorch's float64 torch.mm on one thread, on
// the three products of a 64x64 hidden layer (forward, dX, dW) at the standard workloads' batch
// sizes. Rounds alternate ours and PyTorch; each figure is the median over rounds with [min, max].
// Usage: node scripts/run-ts.mjs bench/gemm-vs-torch.ts [--rounds N]
import { spawnSync } from 'node:child_process';
import { medians } from './medians.js';
import { gemmWasm } from '../src/kernels/gemm.js';
import { Arena, arenaDoubles, wasmAvailable } from '../src/kernels/wasm/module.js';
import { arg } from './args.js';
import { type GemmProduct, layerProducts } from './gemm-products.js';

if (!wasmAvailable()) throw new Error('WebAssembly SIMD is not available here: nothing to compare');
const rounds = Number(arg('rounds', '3'));

// PyTorch's torch.mm overwrites its output, so ours does not accumulate dW either.
const products: GemmProduct[] = [2000, 4000].flatMap((batch) => layerProducts(batch, 64, 64));

async function oursGmacs(p: GemmProduct): Promise<number> {
  const arena = Arena.create(arenaDoubles([p.m * p.k, p.k * p.n, p.m * p.n]));
  const a = arena.alloc(p.m * p.k), b = arena.alloc(p.k * p.n), c = arena.alloc(p.m * p.n);
  for (let i = 0; i < a.length; i++) a[i] = Math.sin(i);
  for (let i = 0; i < b.length; i++) b[i] = Math.cos(i);
  const r = await medians({ gemm: () => gemmWasm(c, a, b, p.m, p.k, p.n, p.transA, p.transB, false) });
  return (p.m * p.k * p.n) / (r.gemm * 1e6);
}

const PYTHON = `
import json, sys, time, torch
torch.set_num_threads(1)
out = []
for p in json.loads(sys.argv[1]):
    a = torch.sin(torch.arange(p['m'] * p['k'], dtype=torch.float64)).reshape((p['k'], p['m']) if p['transA'] else (p['m'], p['k']))
    b = torch.cos(torch.arange(p['k'] * p['n'], dtype=torch.float64)).reshape((p['n'], p['k']) if p['transB'] else (p['k'], p['n']))
    A = a.t() if p['transA'] else a
    B = b.t() if p['transB'] else b
    c = torch.empty((p['m'], p['n']), dtype=torch.float64)
    times = []
    for _ in range(7):
        n = 0
        t0 = time.perf_counter()
        while time.perf_counter() - t0 < 0.1:
            torch.mm(A, B, out=c)
            n += 1
        times.append((time.perf_counter() - t0) / n)
    times.sort()
    out.append(p['m'] * p['k'] * p['n'] / (times[3] * 1e9))
print(json.dumps(out))
`;

function torchGmacs(): number[] {
  for (const python of ['python3', '/usr/bin/python3']) {
    const r = spawnSync(python, ['-c', PYTHON, JSON.stringify(products)], { encoding: 'utf8', env: { ...process.env, OPENBLAS_NUM_THREADS: '1', OMP_NUM_THREADS: '1' } });
    if (r.status === 0) return JSON.parse(r.stdout) as number[];
  }
  throw new Error('no python3 with torch: apt-get install -y python3-torch libopenblas0-pthread (see bench/torch/README.md)');
}

const ours: number[][] = products.map(() => []);
const torch: number[][] = products.map(() => []);
for (let round = 0; round < rounds; round++) {
  for (let i = 0; i < products.length; i++) ours[i].push(await oursGmacs(products[i]));
  torchGmacs().forEach((g, i) => torch[i].push(g));
}

const median = (xs: number[]): number => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
const spread = (xs: number[]): string => `${median(xs).toFixed(2)} [${Math.min(...xs).toFixed(2)}, ${Math.max(...xs).toFixed(2)}]`;
console.log(`GMAC/s, median [min, max] over ${rounds} interleaved rounds (one thread each)`);
console.log('| product | ours | PyTorch | PyTorch / ours |');
console.log('| --- | ---: | ---: | ---: |');
products.forEach((p, i) => console.log(`| ${p.name} | ${spread(ours[i])} | ${spread(torch[i])} | ${(median(torch[i]) / median(ours[i])).toFixed(2)} |`));
