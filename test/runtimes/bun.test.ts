import { describe, expect, it } from 'vitest';
import { runProbeCommand, runtimeExecutable } from './command-runtimes.js';
import { firstDifference, nodeProbeText, runtimesRequired } from './node-reference.js';

/** Bun (its npm package's binary) computes the probe's text byte for byte as Node does. */

const executable = runtimeExecutable('bun');

describe.runIf(executable !== null || runtimesRequired)('under Bun', () => {
  it("gives Node's fixture bits and directed-maml logs, byte for byte", async () => {
    if (executable === null) throw new Error('METARL_RUNTIMES=required but bun was not found: npm ci installs it');
    const run = await runProbeCommand('bun', executable);
    const inNode = nodeProbeText();
    expect(run.backend).toBe('wasm');
    expect(firstDifference(run.text, inNode)).toBe('none');
    expect(run.text).toBe(inNode);
  });
});
