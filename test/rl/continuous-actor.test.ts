import { describe, expect, it } from 'vitest';
import { fromBuffer, grad, reshape, slice, sum } from '../../src/autodiff/index.js';
import { VectorEnv } from '../../src/envs/vector-env.js';
import { LunarLander } from '../../src/envs/lunar-lander.js';
import { gaussianLayout, sampleGaussian } from '../../src/nn/gaussian.js';
import { mlpForward } from '../../src/nn/mlp.js';
import { PCG64 } from '../../src/rng/index.js';
import { reinforceGradient, samplePolicyGradientBatch } from '../../src/rl/policy-gradient.js';
import { greedyActor, policyLogits, sampledActor } from '../../src/rl/policy.js';
import { initPolicy } from '../../src/rl/policy-layout.js';
import { toPolicyBatch } from '../../src/rl/batch.js';

/** A Gaussian policy [3, 8, 2] tanh with log-std log 0.5 and log 1.5. */
function policy(seed: number) {
  const layout = gaussianLayout([3, 8, 2], 'tanh');
  const params = initPolicy(layout, new PCG64(seed));
  params.set([Math.log(0.5), Math.log(1.5)], layout.logStdOffset);
  return { layout, params, std: [0.5, 1.5] };
}

/** `n` copies of one observation row. */
const repeated = (row: number[], n: number): Float64Array => {
  const out = new Float64Array(n * row.length);
  for (let i = 0; i < n; i++) out.set(row, i * row.length);
  return out;
};

describe('the Gaussian actor', () => {
  it('draws mean + std * normal from the tensor forward, bit for bit, row by row; greedy takes the mean', () => {
    const { layout, params } = policy(1);
    const obs = Float64Array.from({ length: 5 * 3 }, (_, i) => Math.sin(i));
    const viaActor = new Float64Array(10);
    sampledActor(layout, params, new PCG64(4))(obs, 5, viaActor);
    const means = policyLogits(layout, params, obs, 5);
    const viaTensors = new Float64Array(10);
    sampleGaussian(means, params.subarray(layout.logStdOffset), 5, 2, new PCG64(4), viaTensors);
    expect(Array.from(viaActor)).toEqual(Array.from(viaTensors));
    const greedy = new Float64Array(12);
    greedyActor(layout, params)(obs, 5, greedy);
    expect(Array.from(greedy.subarray(0, 10))).toEqual(Array.from(means));
    // The actor reads params at every call: a new log-std applies to the next draw.
    params[layout.logStdOffset] = 0;
    sampledActor(layout, params, new PCG64(4))(obs, 5, viaActor);
    expect(viaActor[0] - means[0]).toBeCloseTo((viaTensors[0] - means[0]) / 0.5, 12);
  });

  it('samples follow N(mean(obs), std^2): sample mean and std of 40,000 draws per row within 5 standard errors', () => {
    const { layout, params, std } = policy(2);
    const rows = [[0.3, -1.2, 0.8], [-2, 0.5, 1]];
    const n = 40_000;
    const act = sampledActor(layout, params, new PCG64(7));
    for (const row of rows) {
      const mean = policyLogits(layout, params, Float64Array.from(row), 1);
      const out = new Float64Array(2 * n);
      act(repeated(row, n), n, out);
      for (let j = 0; j < 2; j++) {
        let s = 0;
        for (let i = 0; i < n; i++) s += out[2 * i + j];
        const m = s / n;
        let v = 0;
        for (let i = 0; i < n; i++) v += (out[2 * i + j] - m) ** 2;
        expect(Math.abs(m - mean[j])).toBeLessThan((5 * std[j]) / Math.sqrt(n));
        expect(Math.abs(Math.sqrt(v / (n - 1)) - std[j])).toBeLessThan((5 * std[j]) / Math.sqrt(2 * n));
      }
    }
  });

  it('REINFORCE on its own samples estimates -grad E[a_0^2] = -grad (mean_0^2 + std_0^2), within 5 standard errors', () => {
    const { layout, params, std } = policy(3);
    const row = [0.4, 0.1, -0.7];
    const n = 20_000;
    const actions = new Float64Array(2 * n);
    sampledActor(layout, params, new PCG64(12))(repeated(row, n), n, actions);
    const advantages = Float64Array.from({ length: n }, (_, i) => actions[2 * i] ** 2);
    const batch = toPolicyBatch(
      { obsDim: 3, steps: n, obs: repeated(row, n), actions, actionShape: [2], rewards: advantages, terminated: new Uint8Array(n), episodeStarts: Int32Array.of(0), episodeLengths: Int32Array.of(n), finalObs: Float64Array.from(row) },
      advantages,
    );
    const g = reinforceGradient(layout, params, batch).grad;
    const mean = policyLogits(layout, params, Float64Array.from(row), 1);
    // Per-sample scores of the head: d log p / d mean_j = z_j / std_j, d log p / d logStd_j = z_j^2 - 1.
    const meanScore = [0, 0];
    const stdScore = [0, 0];
    const meanSe = [0, 0];
    const stdSe = [0, 0];
    for (let j = 0; j < 2; j++) {
      const m: number[] = [];
      const l: number[] = [];
      for (let i = 0; i < n; i++) {
        const zj = (actions[2 * i + j] - mean[j]) / std[j];
        m.push((-advantages[i] * zj) / std[j]);
        l.push(-advantages[i] * (zj * zj - 1));
      }
      [meanScore[j], meanSe[j]] = meanAndSe(m);
      [stdScore[j], stdSe[j]] = meanAndSe(l);
    }
    // The surrogate's log-std gradient is the mean of the per-sample scores, and estimates -2 std_0^2 and 0.
    expect(g[layout.logStdOffset]).toBeCloseTo(stdScore[0], 10);
    expect(g[layout.logStdOffset + 1]).toBeCloseTo(stdScore[1], 10);
    expect(Math.abs(stdScore[0] + 2 * std[0] ** 2)).toBeLessThan(5 * stdSe[0]);
    expect(Math.abs(stdScore[1])).toBeLessThan(5 * stdSe[1]);
    // dL/dmean estimates (-2 mean_0, 0), and the network's gradient is its chain rule J^T dL/dmean.
    expect(Math.abs(meanScore[0] + 2 * mean[0])).toBeLessThan(5 * meanSe[0]);
    expect(Math.abs(meanScore[1])).toBeLessThan(5 * meanSe[1]);
    const x = fromBuffer(Float64Array.from(row), [1, 3]);
    const jacobianRow = (j: number) => grad((t: ReturnType<typeof fromBuffer>) => sum(slice(reshape(mlpForward(layout, t, x), [2]), j, 1)))(fromBuffer(params)).data;
    const j0 = jacobianRow(0);
    const j1 = jacobianRow(1);
    for (let k = 0; k < layout.mlp.size; k++) expect(g[k]).toBeCloseTo(j0[k] * meanScore[0] + j1[k] * meanScore[1], 10);
  });
});

function meanAndSe(xs: number[]): [number, number] {
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  const v = xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1);
  return [m, Math.sqrt(v / xs.length)];
}

describe('policy-gradient batches on a Box env', () => {
  it('samples raw Gaussian actions [T, 2] on continuous LunarLanders and refuses a policy of the wrong head', () => {
    const { layout, params } = policy(4);
    const lander = gaussianLayout([8, 8, 2], 'tanh');
    const theta = initPolicy(lander, new PCG64(5));
    const venv = new VectorEnv([new LunarLander({ continuous: true }), new LunarLander({ continuous: true })]);
    const { batch, stats, rollout } = samplePolicyGradientBatch(lander, theta, venv, new PCG64(6), { episodes: 2, seed: 3 });
    expect(batch.actions.shape).toEqual([stats.envSteps, 2]);
    expect(Array.from(batch.actions.data)).toEqual(Array.from(rollout.actions));
    expect(rollout.actions.some((a) => Math.abs(a) > 1)).toBe(true);
    expect(() => samplePolicyGradientBatch(layout, params, venv, new PCG64(6), { episodes: 2 })).toThrow(
      "samplePolicyGradientBatch: env obsDim is 8, expected the policy's input size 3",
    );
    const discrete = new VectorEnv([new LunarLander()]);
    expect(() => samplePolicyGradientBatch(lander, theta, discrete, new PCG64(6), { episodes: 1 })).toThrow(
      "samplePolicyGradientBatch: env action space is Discrete(4), expected Box([2]) (the policy's head)",
    );
  });
});
