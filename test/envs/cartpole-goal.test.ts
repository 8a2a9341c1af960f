import { describe, expect, it } from 'vitest';
import { CartPoleGoal, cartPoleGoalTasks, evaluateGoalDriver, getEnv } from '../../src/index.js';
import { PCG64 } from '../../src/rng/pcg64.js';

describe('cartpole-goal', () => {
  it('rewards exp(-((x - goal) / width)^2) at the position after the step, by hand for two steps', () => {
    const env = new CartPoleGoal({ goal: 1, width: 0.5 });
    env.reset({ seed: 0 });
    env.setState([0.5, 0, 0, 0]);
    // Euler: x moves by tau * xDot with the old velocity (0), so x stays 0.5: exp(-1).
    const first = env.step(1);
    expect(first.reward).toBe(0.36787944117144233);
    expect([first.terminated, first.truncated]).toEqual([false, false]);
    // Then xDot = tau * xacc of a push of +10 N on the upright pole (CartPole's defaults).
    const temp = 10 / 1.1;
    const thetaacc = -temp / (0.5 * (4 / 3 - 0.1 / 1.1));
    const xacc = temp - (0.05 * thetaacc) / 1.1;
    const x2 = 0.5 + 0.02 * (0.02 * xacc);
    expect(env.getState()[1]).toBe(0.02 * xacc);
    const second = env.step(1);
    expect(env.getState()[0]).toBe(x2);
    expect(Math.abs(second.reward - Math.exp(-(((x2 - 1) / 0.5) ** 2)))).toBeLessThanOrEqual(1e-16);
  });

  it('gives 0 on the step the episode terminates and after it; truncates at 200 steps', () => {
    const env = new CartPoleGoal({ goal: 2 });
    env.reset({ seed: 0 });
    env.setState([2.39, 5, 0, 0]);
    const end = env.step(1);
    expect([end.reward, end.terminated]).toEqual([0, true]);
    expect(env.step(1).reward).toBe(0);
    const long = new CartPoleGoal({ goal: 0 });
    long.reset({ seed: 1 });
    let steps = 0;
    for (;;) {
      steps++;
      long.setState([0, 0, 0, 0]); // held upright at the goal: reward 1 every step
      const r = long.step(steps % 2);
      if (r.truncated) {
        expect([steps, r.terminated]).toEqual([200, false]);
        break;
      }
    }
  });

  it('does not observe the goal: two tasks give the same observations under the same actions', () => {
    const a = new CartPoleGoal({ goal: -1.2 });
    const b = new CartPoleGoal({ goal: 1.4 });
    expect(Array.from(a.reset({ seed: 3 }).obs)).toEqual(Array.from(b.reset({ seed: 3 }).obs));
    for (let t = 0; t < 20; t++) {
      const ra = a.step(t % 2);
      const rb = b.step(t % 2);
      expect(Array.from(ra.obs)).toEqual(Array.from(rb.obs));
      expect(ra.terminated).toBe(false);
      expect(ra.reward).toBeGreaterThan(rb.reward); // x stays near 0, nearer a's goal
    }
  });

  it('is registered with goal drawn uniformly from [-1.5, 1.5] and the other parameters at their defaults', () => {
    const family = getEnv('cartpole-goal');
    expect(family.defaultRanges).toEqual({ goal: [-1.5, 1.5] });
    const tasks = cartPoleGoalTasks().sampleTasks(new PCG64(4), 3);
    const rng = new PCG64(4);
    expect(tasks).toEqual([0, 1, 2].map(() => ({ goal: rng.uniform(-1.5, 1.5) })));
    expect(() => new CartPoleGoal({ goal: 3 })).toThrow('CartPoleGoal: invalid goal = 3 (expected a number in [-2, 2] m)');
  });

  it('reference drivers: the oracle far above the task-agnostic driver on the same tasks', () => {
    const oracle = evaluateGoalDriver(true, { tasks: 50 });
    const agnostic = evaluateGoalDriver(false, { tasks: 50 });
    // Seeded regression values: 50 tasks of new PCG64(0), episode i from reset({ seed: 1 + i }).
    expect(oracle.meanReturn).toBeCloseTo(157.1247243326671, 9);
    expect(agnostic.meanReturn).toBeCloseTo(58.73106166992751, 9);
    expect([oracle.meanSteps, agnostic.meanSteps]).toEqual([200, 200]);
  });
});
