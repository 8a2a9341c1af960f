import { type IterationLog, type MetaConfig, MetaTrainer, type TrainerSnapshot, hasEnv, resolveConfig } from '../../src/index.js';
import { fixtureQuantities, hexOfDoubles } from './fixture-quantities.js';

/**
 * What every runtime must compute to the same bits, as one text: each fixture's audit rows and every
 * quantity the audit computes (hex of the float64 bytes), then a seeded directed-maml run on each
 * environment (its log lines without wall-clock times, and its final snapshot). Two runtimes agree
 * when their texts are equal byte for byte; the first differing line says where they part.
 */

/** Short runs that still touch everything a log depends on: rollouts, inner steps, the directed step, Adam. */
export const PROBE_RUNS: readonly Partial<MetaConfig>[] = [
  { env: 'cartpole', algo: 'directed-maml', seed: 3, iterations: 3, metaBatchSize: 4, episodesPerTask: 4, numEnvs: 4, evalTasks: 2, evalEpisodes: 2 },
  { env: 'intersection', algo: 'directed-maml', seed: 3, iterations: 3, metaBatchSize: 4, episodesPerTask: 4, numEnvs: 4, evalTasks: 2, evalEpisodes: 2 },
  { env: 'lunarlander', algo: 'directed-maml', seed: 3, iterations: 3, metaBatchSize: 3, episodesPerTask: 2, numEnvs: 2, evalTasks: 2, evalEpisodes: 2, hidden: [64, 64], outerLr: 0.003 },
];

/** A log line without its wall-clock times, the only fields that differ between two runs. */
export function withoutTimes(log: IterationLog): unknown {
  const { seconds: _, totals, ...rest } = log;
  const { seconds: __, ...counts } = totals;
  return { ...rest, totals: counts };
}

/** A snapshot without its totals' time (and the checksum over it). */
export function withoutTimesSnapshot(snapshot: TrainerSnapshot): unknown {
  const { totals, checksum: _, ...rest } = snapshot;
  const { seconds: __, ...counts } = totals;
  return { ...rest, totals: counts };
}

function fixtureLines(name: string, json: unknown): string[] {
  const { rows, bits } = fixtureQuantities(json);
  const lines = [`fixture ${name}`];
  for (const row of rows) lines.push(`row ${JSON.stringify(row)}`);
  for (const quantity of Object.keys(bits).sort()) lines.push(`bits ${quantity} ${bits[quantity]}`);
  return lines;
}

function runLines(config: Partial<MetaConfig>): string[] {
  const trainer = new MetaTrainer(resolveConfig(config));
  const lines = [`run ${JSON.stringify(config)}`];
  while (trainer.iteration < trainer.config.iterations) lines.push(`log ${JSON.stringify(withoutTimes(trainer.step()))}`);
  const snapshot = trainer.snapshot();
  lines.push(`params ${hexOfDoubles(snapshot.params)}`);
  lines.push(`snapshot ${JSON.stringify(withoutTimesSnapshot(snapshot))}`);
  return lines;
}

/** The probe's text for `fixtures` (file name -> parsed JSON), in file-name order; one line each, newline-ended. */
export function probeText(fixtures: Readonly<Record<string, unknown>>): string {
  const lines: string[] = [];
  for (const name of Object.keys(fixtures).sort()) lines.push(...fixtureLines(name, fixtures[name]));
  for (const config of PROBE_RUNS) {
    if (hasEnv(String(config.env))) lines.push(...runLines(config));
    else lines.push(`run ${String(config.env)} not registered`);
  }
  return `${lines.join('\n')}\n`;
}
