import { compileOp, makeWorkload, programInputs } from '../src/bench/workloads.js';
const sizes: Record<string, [number[], number]> = { m250: [[4, 64, 64, 2], 250], m500: [[4, 64, 64, 2], 500], m1000: [[4, 64, 64, 2], 1000], small: [[4, 32, 32, 2], 200], medium: [[4, 64, 64, 2], 2000], lander: [[8, 64, 64, 4], 4000] };
for (const name of (process.argv[2] ?? 'small,medium,lander').split(',')) {
  const [dims, states] = sizes[name];
  const w = makeWorkload(dims, states, 1);
  const ops = ['maml', 'fomaml', 'grad', 'hvp'] as const;
  const progs = ops.map((op) => ({ op, p: compileOp(w, op, 0.1), inputs: programInputs(w, op) }));
  const times = new Map<string, number[]>(ops.map((o) => [o, []]));
  const reps = name === 'small' ? 400 : 40;
  for (let r = 0; r < 12; r++) {
    for (const { op, p, inputs } of progs) {
      for (let b = 0; b < reps / 4; b++) {
        const t0 = performance.now();
        p.runWith(inputs);
        if (r > 1) times.get(op)!.push(performance.now() - t0);
      }
    }
  }
  const med = (a: number[]) => { const s = a.slice().sort((x, y) => x - y); return s[Math.floor(s.length / 2)] * 1000; };
  const m = Object.fromEntries(ops.map((o) => [o, med(times.get(o)!)]));
  console.log(name, ops.map((o) => `${o} ${m[o].toFixed(0)}`).join(' '), `maml/fomaml ${(m.maml / m.fomaml).toFixed(3)} hvp/grad ${(m.hvp / m.grad).toFixed(3)}`);
}
