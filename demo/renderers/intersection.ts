import { type EnvRenderer, type Frame, param } from './renderer.js';

/**
 * The two-vehicle crossing of docs/specs/intersection.md from above: the ego car E drives
 * east along its road, the other car O north along the crossing one; s is each car's front
 * bumper along its path and the conflict zone (dashed: with its safety margin) is the square
 * where the roads overlap. The shown area spans the spec's start positions to past the zone.
 */

const ROAD = '#d1d5db';
const ZONE = 'rgba(245, 158, 11, 0.35)';
const MARGIN_LINE = '#b45309';
const EGO = '#0f766e';
const OTHER = '#6b7280';
const TEXT = '#111827';
const SUCCESS = '#15803d';
const COLLISION = '#dc2626';
const CAR_WIDTH = 1.8;

export const intersectionRenderer: EnvRenderer = {
  secondsPerStep: (params) => param(params, 'dt', 0.1),

  draw(ctx, width, height, frame: Frame) {
    const { state, params } = frame;
    const [sE, vE, sO, vO] = state;
    const length = param(params, 'vehicleLength', 4.5);
    const half = param(params, 'zoneHalfWidth', 2);
    const margin = param(params, 'margin', 0.5);
    // The crossing sits near the right edge; the shown length of O's road (vertical, the shorter
    // side) runs from behind the start positions to past the zone, and E's road fills the width.
    const far = Math.min(param(params, 'startPositionMin', -45), sE, sO) - length - 1;
    const near = half + margin + length + 2;
    const scale = (height - 12) / (near - far);
    const ox = width - 6 - near * scale;
    const oy = 6 + near * scale;
    const X = (x: number): number => ox + x * scale;
    const Y = (y: number): number => oy - y * scale;

    ctx.fillStyle = ROAD;
    ctx.fillRect(0, Y(half), width, 2 * half * scale);
    ctx.fillRect(X(-half), 0, 2 * half * scale, height);
    ctx.fillStyle = ZONE;
    ctx.fillRect(X(-half), Y(half), 2 * half * scale, 2 * half * scale);
    ctx.strokeStyle = MARGIN_LINE;
    ctx.setLineDash([3, 3]);
    ctx.lineWidth = 1;
    const outer = half + margin;
    ctx.strokeRect(X(-outer), Y(outer), 2 * outer * scale, 2 * outer * scale);
    ctx.setLineDash([]);

    ctx.fillStyle = EGO;
    ctx.fillRect(X(sE - length), Y(CAR_WIDTH / 2), length * scale, CAR_WIDTH * scale);
    ctx.fillStyle = OTHER;
    ctx.fillRect(X(-CAR_WIDTH / 2), Y(sO), CAR_WIDTH * scale, length * scale);

    // Speeds and time in the empty quarter between the two approaches.
    ctx.font = '11px system-ui, sans-serif';
    ctx.textBaseline = 'bottom';
    ctx.textAlign = 'left';
    ctx.fillStyle = EGO;
    ctx.fillText(`E (ego) ${vE.toFixed(1)} m/s`, 8, height - 36);
    ctx.fillStyle = OTHER;
    ctx.fillText(`O (other) ${vO.toFixed(1)} m/s`, 8, height - 22);
    ctx.fillStyle = TEXT;
    ctx.fillText(`${(frame.step * intersectionRenderer.secondsPerStep(params)).toFixed(1)} s`, 8, height - 8);
    if (frame.ended) {
      const crossed = sE - length > half + margin;
      const label = !frame.terminated ? 'time up' : crossed ? 'crossed' : 'collision';
      ctx.font = 'bold 14px system-ui, sans-serif';
      ctx.textAlign = 'left';
      ctx.textBaseline = 'top';
      ctx.fillStyle = !frame.terminated ? TEXT : crossed ? SUCCESS : COLLISION;
      ctx.fillText(label, 8, 8);
    }
  },
};
