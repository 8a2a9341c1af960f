import { cartPoleRenderer } from './cartpole.js';
import { intersectionRenderer } from './intersection.js';
import { lunarLanderRenderer } from './lunarlander.js';
import type { EnvRenderer } from './renderer.js';

/** The demo's drawing of each env family, by registry name; an env without one trains but is not animated. */
const RENDERERS: Readonly<Record<string, EnvRenderer>> = {
  cartpole: cartPoleRenderer,
  intersection: intersectionRenderer,
  lunarlander: lunarLanderRenderer,
  'lunarlander-wind': lunarLanderRenderer,
};

export function rendererFor(env: string): EnvRenderer | null {
  return RENDERERS[env] ?? null;
}
