import { describe, expect, it } from 'vitest';
import { runProbeCommand } from './command-runtimes.js';
import { firstDifference, nodeProbeText } from './node-reference.js';

/** The bundle Node runs as a script, on either backend, gives the text Node computes from src/. */

describe('under Node, bundled', () => {
  for (const backend of ['wasm', 'typescript']) {
    it(`gives the same text on the ${backend} backend`, async () => {
      const run = await runProbeCommand('node', process.execPath, backend);
      const inNode = nodeProbeText();
      expect(run.backend).toBe(backend);
      expect(firstDifference(run.text, inNode)).toBe('none');
      expect(run.text).toBe(inNode);
    });
  }
});
