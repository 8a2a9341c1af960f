import type { AlgorithmName, MetaConfig } from '../src/index.js';
import cartPoleStart from '../configs/cartpole-start.json' with { type: 'json' };
import lunarLander from '../configs/lunarlander.json' with { type: 'json' };

/**
 * The config each env family trains with in the demo: the project's tuned config where there is
 * one (`npm start`'s for CartPole, configs/lunarlander.json for both discrete LunarLander
 * families: the wind family has the same observations, actions and episode length), else the
 * library's defaults.
 */
const PRESETS: Readonly<Record<string, Partial<MetaConfig>>> = {
  cartpole: cartPoleStart as Partial<MetaConfig>,
  lunarlander: lunarLander as Partial<MetaConfig>,
  'lunarlander-wind': lunarLander as Partial<MetaConfig>,
};

const DEFAULT_ITERATIONS = 100;

export function demoConfig(env: string, algo: AlgorithmName, seed: number): Partial<MetaConfig> {
  return { iterations: DEFAULT_ITERATIONS, ...PRESETS[env], env, algo, seed };
}
