import { type EnvRenderer, type Frame, param } from './renderer.js';

/**
 * CartPole as Gymnasium draws it (a track, a cart, a tan pole on a blue axle), scaled so that the
 * whole track and the task's pole fit; an arrow shows the push being applied.
 */

const CART = '#1f2937';
const POLE = 'rgb(202, 152, 101)';
const AXLE = 'rgb(129, 132, 203)';
const TRACK = '#9ca3af';
const PUSH = '#2563eb';
const FALLEN = '#dc2626';
const TEXT = '#111827';

export const cartPoleRenderer: EnvRenderer = {
  secondsPerStep: (params) => param(params, 'tau', 0.02),

  draw(ctx, width, height, frame: Frame) {
    const { state, params } = frame;
    const x = state[0];
    const theta = state[2];
    const halfLength = param(params, 'length', 0.5);
    const xThreshold = param(params, 'xThreshold', 2.4);
    const groundY = height * 0.8;
    const scale = Math.min(width / (2 * xThreshold + 0.6), (groundY - 12) / (2 * halfLength + 0.25));
    const cartW = 0.5 * scale;
    const cartH = 0.3 * scale;
    const cx = width / 2 + x * scale;
    const cy = groundY - cartH / 2;

    ctx.strokeStyle = TRACK;
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.moveTo(width / 2 - xThreshold * scale, groundY + 0.5);
    ctx.lineTo(width / 2 + xThreshold * scale, groundY + 0.5);
    ctx.stroke();
    for (const edge of [-xThreshold, xThreshold]) {
      ctx.beginPath();
      ctx.moveTo(width / 2 + edge * scale + 0.5, groundY - 6);
      ctx.lineTo(width / 2 + edge * scale + 0.5, groundY + 6);
      ctx.stroke();
    }

    ctx.fillStyle = CART;
    ctx.fillRect(cx - cartW / 2, cy - cartH / 2, cartW, cartH);
    ctx.save();
    ctx.translate(cx, cy - cartH / 4);
    ctx.rotate(theta);
    ctx.fillStyle = frame.ended && frame.terminated ? FALLEN : POLE;
    const poleW = Math.max(3, 0.1 * scale);
    ctx.fillRect(-poleW / 2, -2 * halfLength * scale, poleW, 2 * halfLength * scale);
    ctx.restore();
    ctx.fillStyle = AXLE;
    ctx.beginPath();
    ctx.arc(cx, cy - cartH / 4, poleW / 2 + 1, 0, 2 * Math.PI);
    ctx.fill();

    ctx.font = '11px system-ui, sans-serif';
    ctx.textBaseline = 'top';
    ctx.textAlign = 'left';
    ctx.fillStyle = TEXT;
    ctx.fillText(`step ${frame.step}`, 8, 8);
    if (frame.ended) {
      ctx.font = 'bold 14px system-ui, sans-serif';
      ctx.textAlign = 'right';
      ctx.fillStyle = frame.terminated ? FALLEN : TEXT;
      const label = !frame.terminated ? 'time up' : Math.abs(x) > xThreshold ? 'off the track' : 'fell';
      ctx.fillText(label, width - 8, 8);
    }

    if (!Number.isNaN(frame.action)) {
      const dir = frame.action === 1 ? 1 : -1;
      const ax = cx + dir * (cartW / 2 + 4);
      ctx.fillStyle = PUSH;
      ctx.beginPath();
      ctx.moveTo(ax + dir * 10, cy);
      ctx.lineTo(ax, cy - 6);
      ctx.lineTo(ax, cy + 6);
      ctx.closePath();
      ctx.fill();
    }
  },
};
