import { surfaceOf } from './canvas.js';
import type { EnvRenderer } from './renderers/renderer.js';
import type { AdaptationPreview, EpisodeTrace } from './worker-protocol.js';

/**
 * Plays a preview's two episodes (before and after adaptation) side by side in real time, holds
 * their last frames for a moment, then replays, or moves on to the newest preview that arrived
 * meanwhile (a preview is never cut short).
 */

const HOLD_SECONDS = 1.5;

export class EpisodePlayer {
  /** Canvas frames drawn so far (both canvases count once per animation frame). */
  framesDrawn = 0;
  private current: AdaptationPreview | null = null;
  private pending: AdaptationPreview | null = null;
  private startedAt = 0;

  constructor(
    private readonly canvases: readonly [HTMLCanvasElement, HTMLCanvasElement],
    private readonly renderer: EnvRenderer | null,
    /** Called when a preview starts playing (to caption it). */
    private readonly onShow: (preview: AdaptationPreview) => void,
  ) {}

  offer(preview: AdaptationPreview): void {
    if (this.current === null) this.show(preview, performance.now());
    else this.pending = preview;
  }

  private show(preview: AdaptationPreview, now: number): void {
    this.current = preview;
    this.pending = null;
    this.startedAt = now;
    this.onShow(preview);
  }

  /** Draws the frame due at `now` (milliseconds, requestAnimationFrame's clock). */
  draw(now: number): void {
    const preview = this.current;
    if (preview === null) return;
    const renderer = this.renderer;
    const dt = renderer === null ? 0.05 : renderer.secondsPerStep(preview.envParams);
    const frames = Math.max(preview.before.actions.length, preview.after.actions.length) + 1;
    // A preview offered after this animation frame began starts at 0, not before it.
    let step = Math.max(0, Math.floor((now - this.startedAt) / 1000 / dt));
    if (step >= frames + HOLD_SECONDS / dt) {
      this.show(this.pending ?? preview, now);
      step = 0;
    }
    const traces: [EpisodeTrace, EpisodeTrace] = [preview.before, preview.after];
    traces.forEach((trace, i) => this.drawTrace(this.canvases[i], trace, step, preview));
    this.framesDrawn++;
  }

  private drawTrace(canvas: HTMLCanvasElement, trace: EpisodeTrace, step: number, preview: AdaptationPreview): void {
    const { ctx, width, height } = surfaceOf(canvas);
    if (this.renderer === null) {
      ctx.fillStyle = '#6b7280';
      ctx.font = '12px system-ui, sans-serif';
      ctx.fillText('no drawing for this env yet', 10, 20);
      return;
    }
    const last = trace.actions.length;
    const i = Math.min(step, last);
    const n = trace.stateSize;
    this.renderer.draw(ctx, width, height, {
      state: trace.states.subarray(i * n, (i + 1) * n),
      scenery: trace.scenery,
      action: i < last ? trace.actions[i] : Number.NaN,
      step: i,
      ended: i === last,
      terminated: trace.terminated,
      params: preview.envParams,
    });
  }
}
