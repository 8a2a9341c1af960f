// Bundles the library (browser/worker-safe, no Node APIs) and the CLI (Node) with esbuild.
import { build } from 'esbuild';

const common = { bundle: true, format: 'esm', sourcemap: true, logLevel: 'error', target: 'es2022' };
await build({ ...common, entryPoints: ['src/index.ts'], outfile: 'dist/index.js', platform: 'neutral' });
await build({ ...common, entryPoints: ['src/cli/bin.ts'], outfile: 'dist/cli.js', platform: 'node', target: 'node20' });
