import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CASE_LIMITS, parseBenchCases } from '../../src/workloads/parse-cases.js';
import { STANDARD_CASES } from '../../src/workloads/standard-cases.js';
import { benchOps } from '../../src/workloads/standard-workloads.js';
import { runCli } from '../helpers/cli-run.js';
import { readDataJson } from '../helpers/reference-data.js';

const root = mkdtempSync(join(tmpdir(), 'metarl-bench-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('bench workloads', () => {
  it('the workloads shipped in the package are those of bench/torch/cases.json', () => {
    const reference = readDataJson('bench', 'cases.json') as { alpha: number; cases: unknown[]; ops: string[] };
    expect(STANDARD_CASES).toEqual({ alpha: reference.alpha, cases: reference.cases });
    expect(parseBenchCases(reference)).toEqual(STANDARD_CASES); // the reference file reads as a --cases file
    expect([...benchOps]).toEqual(reference.ops);
  });

  it('names the first bad field of a cases file and what is expected there', () => {
    const ok = { name: 'a', dims: [3, 4, 2], states: 8 };
    const cases: [unknown, string][] = [
      [[], 'the file is [], expected an object { alpha, cases: [{ name, dims, states }] }'],
      [{ alpha: 0, cases: [ok] }, 'alpha is 0, expected a positive finite number'],
      [{ alpha: 0.1, cases: [] }, 'cases is [], expected a non-empty array of { name, dims, states }'],
      [{ alpha: 0.1, cases: [ok, ok] }, 'cases[1].name is "a", expected a name no other case has'],
      [{ alpha: 0.1, cases: [{ ...ok, dims: [3] }] }, `cases[0].dims is [3], expected 2 to ${CASE_LIMITS.layers + 2} layer sizes (observations, hidden..., actions), each an integer in [1, ${CASE_LIMITS.width}]`],
      [{ alpha: 0.1, cases: [{ ...ok, dims: [3, 1.5, 2] }] }, 'cases[0].dims is [3,1.5,2], expected'],
      [{ alpha: 0.1, cases: [{ ...ok, states: 1e9 }] }, `cases[0].states is 1000000000, expected an integer in [1, ${CASE_LIMITS.states}]`],
    ];
    for (const [json, message] of cases) expect(() => parseBenchCases(json)).toThrow(message);
    expect(parseBenchCases({ alpha: 0.5, cases: [ok], about: 'other keys are ignored' })).toEqual({ alpha: 0.5, cases: [ok] });
  });

  it('a bad cases file or case name is one line naming it, exit 2, before any timing', async () => {
    const path = join(root, 'cases.json');
    writeFileSync(path, JSON.stringify({ alpha: 0.1, cases: [{ name: 'x', dims: [2, 2], states: 0 }] }));
    expect(await runCli(['bench', '--cases', path])).toEqual({ code: 2, out: [], err: [`metarl: ${path}: cases[0].states is 0, expected an integer in [1, ${CASE_LIMITS.states}]`] });
    const names = STANDARD_CASES.cases.map((c) => c.name).join(', ');
    expect(await runCli(['bench', '--case', 'cartpole'])).toEqual({ code: 2, out: [], err: [`metarl: --case is 'cartpole', expected one of ${names}`] });
    expect((await runCli(['bench', 'extra'])).err).toEqual(["metarl: unexpected argument 'extra' (usage: metarl bench [options]; metarl bench --help for more)"]);
  });
});
