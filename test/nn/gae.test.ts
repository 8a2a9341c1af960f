import { describe, expect, it } from 'vitest';
import { MlpCritic, criticLayout, initCritic } from '../../src/nn/critic.js';
import { PCG64 } from '../../src/rng/index.js';
import { type EpisodeBatch, type ValueBaseline, computeAdvantages } from '../../src/rl/batch.js';

// GAE on an MLP critic's fit of the batch itself. Episode 0 (rows 0-2) terminates; row 3 belongs
// to no episode; episode 1 (rows 4-5) is truncated, its next observation in finalObs row 1.
const OBS_DIM = 2;
const BATCH: EpisodeBatch = {
  obsDim: OBS_DIM,
  steps: 6,
  obs: Float64Array.of(0.1, 0.2, 0.3, -0.1, 0.5, 0.5, 9, 9, -0.4, 0.8, -0.2, 0.6),
  actions: new Float64Array(6),
  rewards: Float64Array.of(1, 2, 3, 99, 1, 1),
  terminated: Uint8Array.of(0, 0, 1, 0, 0, 0),
  episodeStarts: Int32Array.of(0, 4),
  episodeLengths: Int32Array.of(3, 2),
  finalObs: Float64Array.of(7, 7, 0.3, -0.3),
};
const GAMMA = 0.5;
const OPTIONS = { hidden: [5], steps: 40, lr: 0.05 };

/** The critic, recording the returns it was fitted on. */
function recordingCritic(): { critic: MlpCritic; fitted: Float64Array[] } {
  const critic = new MlpCritic(OBS_DIM, initCritic(criticLayout(OBS_DIM, OPTIONS), new PCG64(4)), OPTIONS);
  const fitted: Float64Array[] = [];
  const fit = critic.fit.bind(critic);
  critic.fit = (obs, returns, episodes) => {
    fitted.push(Float64Array.from(returns));
    fit(obs, returns, episodes);
  };
  return { critic, fitted };
}

/** The fitted critic's values of the episodes' rows and of episode 1's next observation. */
function fittedValues(critic: ValueBaseline): { v: Float64Array; next: number } {
  const v = new Float64Array(6).fill(NaN);
  critic.predict(BATCH.obs, BATCH, v);
  const next = new Float64Array(2);
  critic.predictNext(BATCH.finalObs, BATCH, next);
  return { v, next: next[1] };
}

describe('GAE on the MLP critic fitted on its own batch', () => {
  it('fits the returns bootstrapped from the unfitted critic, which values every state at 0 (by hand)', () => {
    const { critic, fitted } = recordingCritic();
    computeAdvantages(BATCH, critic, { gamma: GAMMA, gaeLambda: 1, normalizeAdvantages: false });
    expect(fitted).toHaveLength(1);
    // ep0: 3, 2 + 1.5, 1 + 1.75; ep1 truncated, bootstrapped from 0: 1, 1 + 0.5. Row 3 is no episode's (0).
    expect(Array.from(fitted[0])).toEqual([2.75, 3.5, 3, 0, 1.5, 1]);
  });

  it('lambda = 0: one-step TD errors, 0 after the terminal step, V(next obs) after the truncated one', () => {
    const { critic } = recordingCritic();
    const a = computeAdvantages(BATCH, critic, { gamma: GAMMA, gaeLambda: 0, normalizeAdvantages: false });
    const { v, next } = fittedValues(critic);
    const r = BATCH.rewards;
    const expected = [r[0] + GAMMA * v[1] - v[0], r[1] + GAMMA * v[2] - v[1], r[2] - v[2], 0, r[4] + GAMMA * v[5] - v[4], r[5] + GAMMA * next - v[5]];
    expect(Array.from(a)).toEqual([expected[0], expected[1], expected[2], 0, expected[4], expected[5]]);
    expect(next).not.toBe(0);
  });

  it('lambda = 1: the returns bootstrapped from V(next obs) at truncation, minus the values', () => {
    const { critic } = recordingCritic();
    const a = computeAdvantages(BATCH, critic, { gamma: GAMMA, gaeLambda: 1, normalizeAdvantages: false });
    const { v, next } = fittedValues(critic);
    const returns = [2.75, 3.5, 3, NaN, 1 + GAMMA * (1 + GAMMA * next), 1 + GAMMA * next];
    for (const row of [0, 1, 2, 4, 5]) expect(a[row]).toBeCloseTo(returns[row] - v[row], 14);
  });

  it('lambda = 0.5 by the recursion A_t = delta_t + gamma lambda A_{t+1}, episode by episode', () => {
    const { critic } = recordingCritic();
    const a = computeAdvantages(BATCH, critic, { gamma: GAMMA, gaeLambda: 0.5, normalizeAdvantages: false });
    const { v, next } = fittedValues(critic);
    const r = BATCH.rewards;
    const d = [r[0] + GAMMA * v[1] - v[0], r[1] + GAMMA * v[2] - v[1], r[2] - v[2], r[4] + GAMMA * v[5] - v[4], r[5] + GAMMA * next - v[5]];
    const k = GAMMA * 0.5;
    const ep0 = [d[0] + k * (d[1] + k * d[2]), d[1] + k * d[2], d[2]];
    const ep1 = [d[3] + k * d[4], d[4]];
    [...ep0, ...ep1].forEach((x, i) => expect(a[[0, 1, 2, 4, 5][i]]).toBeCloseTo(x, 14));
  });
});
