import { build } from 'esbuild';
import { createContext, runInContext } from 'node:vm';
import { describe, expect, it } from 'vitest';

/**
 * The library must run where no Node API exists (browsers, workers): it bundles for the browser
 * platform (a `node:` import would fail to resolve) and computes in a bare V8 context whose only
 * globals are the language's own (no process, require, Buffer or performance).
 */
describe('the library outside Node', () => {
  it('bundles for the browser and computes exact derivatives in a bare JavaScript context', async () => {
    const result = await build({
      entryPoints: ['src/index.ts'],
      bundle: true,
      platform: 'browser',
      format: 'iife',
      globalName: 'metarl',
      write: false,
      logLevel: 'silent',
    });
    const code = result.outputFiles[0].text;
    expect(code).not.toMatch(/\brequire\(|from ["']node:/);
    const context = createContext({});
    runInContext(code, context);
    const out = runInContext(
      `(() => {
        const { tensor, grad, tanh, sum, mlpLayout, mlpForward, reinforceLoss, metaGradient, compile, PCG64, CartPole } = metarl;
        const f = (x) => tanh(x);
        const d3 = grad((x) => sum(grad((y) => sum(grad((z) => sum(f(z)))(y)))(x)))(tensor([0.3]));
        const layout = mlpLayout([3, 8, 2], 'tanh');
        const theta = tensor(Array.from({ length: layout.size }, (_, i) => Math.sin(i)));
        const obs = tensor(Array.from({ length: 12 }, (_, i) => Math.cos(i)), [4, 3]);
        const loss = (th) => reinforceLoss(mlpForward(layout, th, obs), tensor([0, 1, 1, 0]), tensor([1, -0.5, 2, 0.25]));
        const eager = metaGradient(loss, loss, theta, { alpha: 0.1 }).grad.toArray();
        const program = compile((th) => [metaGradient(loss, loss, th, { alpha: 0.1 }).grad], [theta]);
        const compiled = Array.from(program.run(theta)[0].data);
        const rng = new PCG64(0);
        const env = new CartPole();
        return { d3: d3.item(), eager, compiled, first: rng.random(), reset: Array.from(env.reset({ seed: 0 }).obs) };
      })()`,
      context,
    );
    const t = Math.tanh(0.3);
    expect(out.d3).toBeCloseTo(-2 * (1 - t * t) * (1 - 3 * t * t), 14);
    expect(out.compiled).toEqual(out.eager);
    expect(out.first).toBe(0.6369616873214543); // numpy default_rng(0).random()
    // Gymnasium's CartPole reset(seed=0): four uniform(-0.05, 0.05) draws of default_rng(0), as float32
    const u = [0.6369616873214543, 0.2697867137638703, 0.04097352393619469];
    expect(out.reset.slice(0, 3)).toEqual(u.map((x) => Math.fround(-0.05 + (0.05 - -0.05) * x)));
  });
});
