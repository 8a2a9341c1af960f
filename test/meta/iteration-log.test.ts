import { describe, expect, it } from 'vitest';
import { parseIterationLog } from '../../src/meta/iteration-log.js';
import { resolveConfig } from '../../src/meta/config.js';
import { MetaTrainer } from '../../src/meta/trainer.js';

const CONFIG = resolveConfig({ env: 'cartpole', algo: 'maml', iterations: 2, metaBatchSize: 2, episodesPerTask: 2, numEnvs: 2, evalTasks: 2, evalEpisodes: 2, evalEvery: 1, hidden: [8], seed: 3 });

const line = (o: unknown): string => JSON.stringify(o);

describe('parseIterationLog', () => {
  it('reads back the trainer\'s own log line as the same value', () => {
    const entry = new MetaTrainer(CONFIG, { clock: () => 0 }).step();
    expect(parseIterationLog(line(entry), 'log line 1')).toEqual(entry);
  });

  it('takes a line from before TRPO existed as one with no TRPO time', () => {
    const entry = new MetaTrainer(CONFIG, { clock: () => 0 }).step();
    const { trpo: _trpo, ...seconds } = entry.seconds;
    expect(parseIterationLog(line({ ...entry, seconds }), 'log line 1').seconds).toEqual({ ...seconds, trpo: 0 });
  });

  it('reads a directed run\'s mechanismCpuSeconds back, and refuses a negative one', () => {
    const directed = resolveConfig({ ...CONFIG, algo: 'directed-maml', directed: { ...CONFIG.directed, logMechanism: true } });
    let ms = 0;
    const entry = new MetaTrainer(directed, { clock: () => 0, cpuClock: () => (ms += 1) }).step();
    expect(entry.mechanismCpuSeconds).toBeGreaterThan(0);
    // The mechanism itself is read by the report's input (mechanism-input.ts).
    const { mechanism: _mechanism, ...rest } = entry;
    expect(parseIterationLog(line(entry), 'log line 1')).toEqual(rest);
    expect(() => parseIterationLog(line({ ...entry, mechanismCpuSeconds: -0.5 }), 'f line 4')).toThrow('f line 4.mechanismCpuSeconds is -0.5, expected a non-negative finite number');
    expect(() => parseIterationLog(line({ ...entry, mechanismCpuSeconds: 'x' }), 'f line 4')).toThrow('f line 4.mechanismCpuSeconds is "x", expected a finite number');
  });

  it('names the bad field and the expected value', () => {
    const entry = new MetaTrainer(CONFIG, { clock: () => 0 }).step();
    expect(() => parseIterationLog(line({ ...entry, totals: { ...entry.totals, hvps: 'x' } }), 'f line 2')).toThrow('f line 2.totals.hvps is "x", expected a finite number');
    expect(() => parseIterationLog(line({ ...entry, heldOut: { tasks: [], returns: [] } }), 'f line 2')).toThrow('f line 2.heldOut.returns is [], expected a non-empty array of finite numbers');
    expect(() => parseIterationLog('{"iteration":', 'f line 3')).toThrow(/^f line 3 is not valid JSON: /);
  });
});
