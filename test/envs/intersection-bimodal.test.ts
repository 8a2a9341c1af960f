import { describe, expect, it } from 'vitest';
import { IntersectionBimodal, getEnv, intersectionBimodalTasks, slotSpeed } from '../../src/envs/index.js';
import { PCG64 } from '../../src/rng/pcg64.js';

describe('intersection-bimodal', () => {
  it('places O on its schedule: early entry 1.0 s, late 2.5 s, at 9.5 m/s; exit 1 s later', () => {
    const early = new IntersectionBimodal({ late: 0.2, jitter: 0.1 });
    const late = new IntersectionBimodal({ late: 0.7 });
    expect([early.scene.entryTime, early.scene.exitTime]).toEqual([1.1, 1.1 + 9.5 / 9.5]);
    expect([late.scene.entryTime, late.scene.exitTime]).toEqual([2.5, 3.5]);
    late.reset({ seed: 7 });
    const rng = new PCG64(7);
    expect(Array.from(late.getState())).toEqual([rng.uniform(-21, -18), rng.uniform(9, 11), -2.5 - 9.5 * 2.5, 9.5]);
  });

  it('occludes O until 3 m before the zone: its three entries are 0', () => {
    const env = new IntersectionBimodal({ late: 0 });
    env.reset({ seed: 0 });
    env.setState([-20, 10, -6, 9.5]);
    const far = env.step(2).obs; // O moves to -5.05 >= -5.5: seen
    expect(Array.from(far).slice(2)).toEqual([-5.05 / 50, 9.5 / 15, 0, 0]);
    const hidden = new IntersectionBimodal({ late: 0 });
    hidden.reset({ seed: 0 });
    hidden.setState([-20, 10, -7, 9.5]);
    expect(Array.from(hidden.step(2).obs).slice(2)).toEqual([0, 0, 0, 0]);
  });

  it('slot speed: the speed limit before O in the late mode, d / (exit - t) in the early one', () => {
    const early = new IntersectionBimodal({ late: 0 }).scene;
    const late = new IntersectionBimodal({ late: 1 }).scene;
    expect(slotSpeed(-20, 0.1, late)).toBe(15);
    expect(slotSpeed(-20, 0.1, early)).toBe(17.5 / 1.9);
    expect(slotSpeed(-20, 2.0, early)).toBe(15);
  });

  it('is registered with late in [0, 1] and jitter in [-0.25, 0.25]', () => {
    expect(getEnv('intersection-bimodal').defaultRanges).toEqual({ late: [0, 1], jitter: [-0.25, 0.25] });
    const rng = new PCG64(3);
    expect(intersectionBimodalTasks().sampleTasks(new PCG64(3), 1)).toEqual([{ late: rng.uniform(0, 1), jitter: rng.uniform(-0.25, 0.25) }]);
  });
});
