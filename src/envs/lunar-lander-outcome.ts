/**
 * What Gymnasium's LunarLander.step computes once the physics has stepped, from the lander's state
 * alone: the float32 observation, the shaping reward and the termination. Any engine's lander (ours,
 * or planck's in the benchmark) reports through it, so the two cannot drift apart.
 */
import { FPS, LEG_DOWN, PAD_HALF_WIDTH, SCALE, VIEWPORT_H, VIEWPORT_W } from './lunar-lander-scene.js';

/** Why a LunarLander episode terminated, or null while it runs. */
export type LunarLanderEndReason = 'crash' | 'out-of-bounds' | 'at-rest' | null;

const f32 = Math.fround;

export class LanderOutcome {
  /** This step's reward, termination and why. */
  reward = 0;
  terminated = false;
  endReason: LunarLanderEndReason = null;
  private prevShaping = 0;
  private hasPrevShaping = false;

  /**
   * `padX`: the pad's centre (m), which the shaping measures the distance to; `offPadRestReward`:
   * the reward of coming to rest with the hull's centre beyond the pad's ends; `padPull`: the
   * weight of an extra shaping term on the horizontal distance alone. Gymnasium's are W/2, 100 (the
   * reward of resting on the pad) and 0.
   */
  constructor(
    private readonly padX = VIEWPORT_W / SCALE / 2,
    private readonly offPadRestReward = 100,
    private readonly padPull = 0,
  ) {}

  /** A new episode: its first step earns no shaping difference. */
  reset(): void {
    this.hasPrevShaping = false;
  }

  /**
   * Writes the observation into `obs` from the hull's position (m), velocity (m/s), angle (rad) and
   * angular velocity, the legs' ground contacts and the helipad's height; then the reward of a step
   * (its shaping the distance to the pad, which the observation's screen-centred x does not show)
   * that fired the engines at mPower and sPower, and whether it ended (a hull contact, |x| off the
   * screen, or the lander asleep).
   */
  update(
    obs: Float64Array,
    px: number,
    py: number,
    vx: number,
    vy: number,
    angle: number,
    angularVelocity: number,
    leg0Contact: boolean,
    leg1Contact: boolean,
    helipadY: number,
    mPower: number,
    sPower: number,
    gameOver: boolean,
    awake: boolean,
  ): void {
    const s0 = (px - VIEWPORT_W / SCALE / 2) / (VIEWPORT_W / SCALE / 2);
    const s1 = (py - (helipadY + LEG_DOWN / SCALE)) / (VIEWPORT_H / SCALE / 2);
    const s2 = (vx * (VIEWPORT_W / SCALE / 2)) / FPS;
    const s3 = (vy * (VIEWPORT_H / SCALE / 2)) / FPS;
    const s4 = angle;
    const s5 = (20 * angularVelocity) / FPS;
    const s6 = leg0Contact ? 1 : 0;
    const s7 = leg1Contact ? 1 : 0;
    obs[0] = f32(s0);
    obs[1] = f32(s1);
    obs[2] = f32(s2);
    obs[3] = f32(s3);
    obs[4] = f32(s4);
    obs[5] = f32(s5);
    obs[6] = s6;
    obs[7] = s7;

    const padDx = (px - this.padX) / (VIEWPORT_W / SCALE / 2);
    let shaping = -100 * Math.sqrt(padDx * padDx + s1 * s1) - 100 * Math.sqrt(s2 * s2 + s3 * s3) - 100 * Math.abs(s4) + 10 * s6 + 10 * s7;
    // Skipped at 0 so that Gymnasium's shaping keeps its bits.
    if (this.padPull !== 0) shaping -= this.padPull * Math.abs(padDx);
    let reward = this.hasPrevShaping ? shaping - this.prevShaping : 0;
    this.prevShaping = shaping;
    this.hasPrevShaping = true;
    reward -= mPower * 0.3;
    reward -= sPower * 0.03;

    let terminated = false;
    let endReason: LunarLanderEndReason = null;
    if (gameOver || Math.abs(s0) >= 1) {
      terminated = true;
      reward = -100;
      endReason = gameOver ? 'crash' : 'out-of-bounds';
    }
    if (!awake) {
      terminated = true;
      reward = Math.abs(px - this.padX) <= PAD_HALF_WIDTH ? 100 : this.offPadRestReward;
      endReason = 'at-rest';
    }
    this.reward = reward;
    this.terminated = terminated;
    this.endReason = endReason;
  }
}
