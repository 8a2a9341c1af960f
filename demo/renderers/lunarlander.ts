import { FPS, SCALE, W } from '../../src/envs/lunar-lander-scene.js';
import { BODY_COUNT, END_REASON, END_REASONS, LEG_CONTACTS, readLanderScenery } from '../lunarlander-trace.js';
import { landerView } from './lunarlander-view.js';
import type { EnvRenderer, Frame } from './renderer.js';

/**
 * LunarLander as Gymnasium draws it: black sky over white ground, the helipad's two yellow flags,
 * the purple hull and legs at the poses the physics gave them (a leg touching the ground is
 * outlined green), and a flame where an engine fires; a lander above the view is marked at its
 * top edge with its height. Beside the W metres of the world (where |x - W/2| >= W/2 ends the
 * episode), a wider canvas is dark grey.
 */

const SKY = '#000000';
const GROUND = '#ffffff';
const OUT_OF_BOUNDS = '#1f2937';
const BODY_FILL = 'rgb(128, 102, 230)';
const BODY_LINE = 'rgb(77, 77, 128)';
const LEG_CONTACT = '#22c55e';
const FLAG = 'rgb(204, 204, 0)';
const POLE = '#ffffff';
const FLAME_OUTER = '#ff7a59';
const FLAME_INNER = '#ffd27a';
const TEXT = '#e5e7eb';
const BAD = '#f87171';
const GOOD = '#4ade80';

/** Flag geometry in Gymnasium's pixels: pole height, flag length and height. */
const POLE_PX = 50;
const FLAG_PX = 25;
const FLAG_HEIGHT_PX = 10;

/** Discrete actions (Gymnasium's): 1 fires the left orientation engine, 2 the main engine, 3 the right one. */
const MAIN = 2;
const LEFT = 1;
const RIGHT = 3;

const LABELS: Readonly<Record<string, string>> = { crash: 'crash', 'out-of-bounds': 'out of bounds', 'at-rest': 'at rest' };

/** A flame from a base of half-width `half` across the unit direction (dx, dy) to a tip `length` along it. */
function flame(ctx: CanvasRenderingContext2D, baseX: number, baseY: number, dx: number, dy: number, half: number, length: number): void {
  for (const [color, size] of [[FLAME_OUTER, 1], [FLAME_INNER, 0.55]] as const) {
    ctx.fillStyle = color;
    ctx.beginPath();
    ctx.moveTo(baseX - dy * half * size, baseY + dx * half * size);
    ctx.lineTo(baseX + dy * half * size, baseY - dx * half * size);
    ctx.lineTo(baseX + dx * length * size, baseY + dy * length * size);
    ctx.closePath();
    ctx.fill();
  }
}

/**
 * The fired engine's flame in the hull's coordinates (Gymnasium pixels): the main engine below
 * the hull; a side engine at the top corner opposite its push, where Gymnasium's particles leave
 * (action 1 pushes the lander left, so its exhaust leaves to the right).
 */
function drawFlame(ctx: CanvasRenderingContext2D, action: number, step: number): void {
  const flicker = (step % 3) * 3;
  if (action === MAIN) flame(ctx, 0, -10, 0, -1, 7, 22 + flicker);
  else if (action === LEFT) flame(ctx, 15, 13, 1, 0, 3, 12 + flicker);
  else if (action === RIGHT) flame(ctx, -15, 13, -1, 0, 3, 12 + flicker);
}

function polygonPath(ctx: CanvasRenderingContext2D, points: Float64Array): void {
  ctx.beginPath();
  ctx.moveTo(points[0], points[1]);
  for (let i = 2; i < points.length; i += 2) ctx.lineTo(points[i], points[i + 1]);
  ctx.closePath();
}

export const lunarLanderRenderer: EnvRenderer = {
  secondsPerStep: () => 1 / FPS,

  draw(ctx, width, height, frame: Frame) {
    const { state } = frame;
    const scenery = readLanderScenery(frame.scenery);
    const { scale, originX, originY } = landerView(width, height);
    const X = (x: number): number => originX + x * scale;
    const Y = (y: number): number => originY - y * scale;

    ctx.fillStyle = OUT_OF_BOUNDS;
    ctx.fillRect(0, 0, width, height);
    ctx.fillStyle = SKY;
    ctx.fillRect(X(0), 0, W * scale, height);
    const t = scenery.terrain;
    ctx.fillStyle = GROUND;
    ctx.beginPath();
    ctx.moveTo(X(t[0]), height);
    for (let i = 0; i < t.length; i += 2) ctx.lineTo(X(t[i]), Y(t[i + 1]));
    ctx.lineTo(X(t[t.length - 2]), height);
    ctx.closePath();
    ctx.fill();

    // Bodies in their own metres: the canvas flipped to y up, moved to the body, turned by its angle.
    const pose = (body: number): void => {
      ctx.translate(X(state[3 * body]), Y(state[3 * body + 1]));
      ctx.scale(scale, -scale);
      ctx.rotate(state[3 * body + 2]);
    };
    if (!Number.isNaN(frame.action)) {
      ctx.save();
      pose(0);
      ctx.scale(1 / SCALE, 1 / SCALE);
      drawFlame(ctx, frame.action, frame.step);
      ctx.restore();
    }
    for (let body = 0; body < BODY_COUNT; body++) {
      const touching = body > 0 && state[LEG_CONTACTS[body - 1]] === 1;
      ctx.save();
      pose(body);
      polygonPath(ctx, scenery.polygons[body]);
      ctx.fillStyle = BODY_FILL;
      ctx.fill();
      ctx.strokeStyle = touching ? LEG_CONTACT : BODY_LINE;
      ctx.lineWidth = (touching ? 2 : 1) / scale;
      ctx.stroke();
      ctx.restore();
    }

    // Gymnasium lets the lander fly above its view; a marker at the top edge keeps it in sight.
    const hullX = X(state[0]);
    if (Y(state[1]) < 0) {
      ctx.fillStyle = BODY_FILL;
      ctx.beginPath();
      ctx.moveTo(hullX, 2);
      ctx.lineTo(hullX + 6, 10);
      ctx.lineTo(hullX - 6, 10);
      ctx.closePath();
      ctx.fill();
      ctx.font = '10px system-ui, sans-serif';
      ctx.textAlign = 'center';
      ctx.textBaseline = 'top';
      ctx.fillText(`${state[1].toFixed(1)} m`, hullX, 12);
    }

    // The flags over the bodies, as Gymnasium draws them.
    const poleTop = scenery.helipadY + POLE_PX / SCALE;
    for (const x of [scenery.helipadX1, scenery.helipadX2]) {
      ctx.strokeStyle = POLE;
      ctx.lineWidth = 1;
      ctx.beginPath();
      ctx.moveTo(Math.round(X(x)) + 0.5, Y(scenery.helipadY));
      ctx.lineTo(Math.round(X(x)) + 0.5, Y(poleTop));
      ctx.stroke();
      ctx.fillStyle = FLAG;
      ctx.beginPath();
      ctx.moveTo(X(x), Y(poleTop));
      ctx.lineTo(X(x), Y(poleTop - FLAG_HEIGHT_PX / SCALE));
      ctx.lineTo(X(x + FLAG_PX / SCALE), Y(poleTop - FLAG_HEIGHT_PX / 2 / SCALE));
      ctx.closePath();
      ctx.fill();
    }

    ctx.font = '11px system-ui, sans-serif';
    ctx.textBaseline = 'top';
    ctx.textAlign = 'left';
    ctx.fillStyle = TEXT;
    ctx.fillText(`step ${frame.step}`, 8, 8);
    if (frame.ended) {
      const reason = frame.terminated ? END_REASONS[state[END_REASON]] : null;
      ctx.font = 'bold 14px system-ui, sans-serif';
      ctx.textAlign = 'right';
      ctx.fillStyle = reason === 'at-rest' ? GOOD : reason === null ? TEXT : BAD;
      ctx.fillText(reason === null ? 'time up' : LABELS[reason], width - 8, 8);
    }
  },
};
