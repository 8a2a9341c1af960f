import { build } from 'esbuild';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../helpers/reference-data.js';

/** The fixtures the probe audits: every JSON file of the repository's copy of the shared fixtures. */
export function probeFixtureFiles(): string[] {
  return readdirSync(join(repoRoot, 'test/data/fixtures')).filter((f) => f.endsWith('.json')).sort();
}

/**
 * Bundles the probe into one self-contained script (an IIFE, no imports, the fixtures inlined) that
 * any JavaScript engine can evaluate: it defines `globalThis.metarlProbe(backend?)`, which chooses the
 * kernels' backend when one is named and returns `{ backend, text }` (see probe.ts).
 */
export async function buildProbeBundle(): Promise<string> {
  const files = probeFixtureFiles();
  const imports = files.map((f, i) => `import f${i} from '../data/fixtures/${f}';`).join('\n');
  const table = files.map((f, i) => `${JSON.stringify(f)}: f${i}`).join(', ');
  const result = await build({
    stdin: {
      contents: `${imports}
import { backend, setBackend } from '../../src/index.js';
import { probeText } from './probe.js';
globalThis.metarlProbe = (name) => {
  if (name !== undefined) setBackend(name);
  return { backend: backend(), text: probeText({ ${table} }) };
};`,
      resolveDir: join(repoRoot, 'test/runtimes'),
      sourcefile: 'probe-entry.js',
      loader: 'js',
    },
    bundle: true,
    write: false,
    platform: 'neutral',
    format: 'iife',
    target: 'es2020',
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}
