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

/** The settings the page lets a visitor change; a missing one keeps the preset's value. */
export interface DemoSettings {
  readonly innerLr?: number;
  readonly eta?: number;
  readonly metaBatchSize?: number;
}

export function demoConfig(env: string, algo: AlgorithmName, seed: number, settings: DemoSettings = {}): Partial<MetaConfig> {
  const preset: Partial<MetaConfig> = { iterations: DEFAULT_ITERATIONS, ...PRESETS[env], env, algo, seed };
  const config: Partial<MetaConfig> = { ...preset };
  if (settings.innerLr !== undefined) config.innerLr = settings.innerLr;
  if (settings.metaBatchSize !== undefined) config.metaBatchSize = settings.metaBatchSize;
  // The worker's resolveConfig fills the other directed keys; an invalid value comes back as the run's error.
  if (settings.eta !== undefined) config.directed = { ...preset.directed, eta: settings.eta } as MetaConfig['directed'];
  return config;
}
