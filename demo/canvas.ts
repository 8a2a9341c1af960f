/** A 2D context drawing in CSS pixels on a canvas sized to its layout box at the screen's pixel ratio. */
export interface Surface {
  readonly ctx: CanvasRenderingContext2D;
  readonly width: number;
  readonly height: number;
}

export function surfaceOf(canvas: HTMLCanvasElement): Surface {
  const ratio = window.devicePixelRatio || 1;
  const width = canvas.clientWidth;
  const height = canvas.clientHeight;
  const pixelsW = Math.max(1, Math.round(width * ratio));
  const pixelsH = Math.max(1, Math.round(height * ratio));
  if (canvas.width !== pixelsW || canvas.height !== pixelsH) {
    canvas.width = pixelsW;
    canvas.height = pixelsH;
  }
  const ctx = canvas.getContext('2d');
  if (ctx === null) throw new Error('canvas: no 2D context');
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.clearRect(0, 0, width, height);
  return { ctx, width, height };
}

/** The page's colours, read once from the CSS custom properties so that CSS stays their one source. */
export function cssColor(name: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
}
