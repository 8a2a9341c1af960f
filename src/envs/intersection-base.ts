/**
 * What every intersection env keeps the same way, whatever drives the other vehicle: the state
 * [s_E, v_E, s_O, v_O], the objects reset() and step() return (overwritten in place, so a step
 * allocates nothing), the checks before a step, the checked state overwrite, and the observation
 * written from the state.
 */
import { describe } from '../validation/values.js';
import { SeededEnv } from './seeded-env.js';
import { COLLISION, SUCCESS, inZone } from './intersection-zone.js';
import type { IntersectionInfo, IntersectionParams, IntersectionResetResult, IntersectionStepResult, OtherDecision } from './intersection.js';

const STATE_NAMES = ['s_E', 'v_E', 's_O', 'v_O'] as const;

export abstract class IntersectionBase extends SeededEnv {
  protected readonly state = new Float64Array(4);
  private readonly obs = new Float64Array(6);
  private readonly info: IntersectionInfo = { outcome: null, otherDecision: null };
  private readonly result: IntersectionStepResult = { obs: this.obs, reward: 0, terminated: false, truncated: false, info: this.info };
  private readonly resetResult: IntersectionResetResult = { obs: this.obs, info: this.info };
  private needsReset = true;

  /** `owner` names the env in error messages. */
  protected constructor(private readonly owner: string, seed: number | bigint, maxEpisodeSteps: number) {
    super(seed, maxEpisodeSteps);
  }

  /** The parameters the state is checked and observed with. */
  protected abstract get road(): Readonly<IntersectionParams>;

  /** Whether O's entries are observed now; otherwise they are 0. */
  protected otherSeen(): boolean {
    return true;
  }

  /** Ends a reset once the state is drawn: the step count and info cleared, the observation written. */
  protected started(): IntersectionResetResult {
    this.needsReset = false;
    this.limit.reset();
    this.info.outcome = null;
    this.info.otherDecision = null;
    this.writeObservation();
    return this.resetResult;
  }

  /** Throws unless an episode is running and `action` is one of Discrete(5)'s 0..4. */
  protected checkStep(action: number): void {
    if (this.needsReset) throw new Error(`${this.owner}: call reset() before step() (at the start and after an episode ends)`);
    if (!(action === 0 || action === 1 || action === 2 || action === 3 || action === 4)) {
      throw new Error(`${this.owner}: action must be an integer in 0..4 (Discrete(5)), got ${describe(action)}`);
    }
  }

  /** Ends a step once the state has moved: the outcome read from advanceIntersection's `flags`, the observation written. */
  protected finished(flags: number, otherDecision: OtherDecision, reward: number, terminated: boolean, truncated: boolean): IntersectionStepResult {
    this.needsReset = terminated || truncated;
    this.info.outcome = (flags & COLLISION) !== 0 ? 'collision' : (flags & SUCCESS) !== 0 ? 'success' : null;
    this.info.otherDecision = otherDecision;
    this.writeObservation();
    const result = this.result;
    result.reward = reward;
    result.terminated = terminated;
    result.truncated = truncated;
    return result;
  }

  /** The float64 state [s_E, v_E, s_O, v_O], a copy. */
  getState(): Float64Array {
    return Float64Array.from(this.state);
  }

  /**
   * Overwrites the state (positions finite, speeds in [0, speedLimit]); the step count is left as
   * it is, and a reset() is still required before step() if the episode had ended.
   */
  setState(state: Float64Array | readonly number[]): void {
    if (state.length !== 4) throw new Error(`${this.owner}.setState: expected 4 numbers [s_E, v_E, s_O, v_O], got ${state.length}`);
    const speedLimit = this.road.speedLimit;
    for (let i = 0; i < 4; i++) {
      const v = state[i];
      const ok = i % 2 === 0 ? Number.isFinite(v) : v >= 0 && v <= speedLimit;
      if (!ok) {
        const expected = i % 2 === 0 ? 'a finite number' : `a number in [0, ${speedLimit}] m/s`;
        throw new Error(`${this.owner}.setState: ${STATE_NAMES[i]} must be ${expected}, got ${describe(v)}`);
      }
    }
    this.state.set(state);
  }

  private writeObservation(): void {
    const p = this.road, s = this.state, obs = this.obs, seen = this.otherSeen();
    obs[0] = s[0] / p.positionScale;
    obs[1] = s[1] / p.speedScale;
    obs[2] = seen ? s[2] / p.positionScale : 0;
    obs[3] = seen ? s[3] / p.speedScale : 0;
    obs[4] = inZone(s[0], p) ? 1 : 0;
    obs[5] = seen && inZone(s[2], p) ? 1 : 0;
  }
}
