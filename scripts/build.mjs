// Builds the package into dist/ from scratch: the library (browser- and worker-safe, no Node API)
// and the CLI (Node) as esbuild bundles, and the declarations of exactly what src/index.ts exports
// (nothing of the CLI or file I/O), type-checked on the way. The bundles' source maps and the
// declaration maps point into src/, which the package ships: one copy of the sources serves both
// (declaration maps cannot embed their sources), so the maps carry no sourcesContent.
import { build } from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';

rmSync('dist', { recursive: true, force: true });

const common = { bundle: true, format: 'esm', logLevel: 'error', target: 'es2022', sourcemap: true, sourcesContent: false };
await build({ ...common, entryPoints: ['src/index.ts'], outfile: 'dist/index.js', platform: 'neutral' });
await build({ ...common, entryPoints: ['src/cli/bin.ts'], outfile: 'dist/cli.js', platform: 'node', target: 'node20' });

const host = { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => fail([d]) };
const { options } = ts.getParsedCommandLineOfConfigFile('tsconfig.build.json', {}, host);
// webassembly.d.ts declares the slice of the WebAssembly API the kernels compile against.
const program = ts.createProgram(['src/index.ts', 'src/kernels/wasm/webassembly.d.ts'], options);
const emitted = program.emit();
fail([...ts.getPreEmitDiagnostics(program), ...emitted.diagnostics]);
removeUnreachable('dist/types', 'dist/types/index.d.ts');

/** Deletes the declarations (and their maps) that index.d.ts does not reach (those of internals such as the kernels). */
function removeUnreachable(dir, entry) {
  const declarations = ts.createProgram([entry], { ...options, noEmit: true, types: [] });
  const reached = new Set(declarations.getSourceFiles().map((f) => resolve(f.fileName)));
  for (const file of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const path = resolve(file.parentPath, file.name);
    if (file.isFile() && !reached.has(path.replace(/\.map$/, ''))) rmSync(path);
  }
  removeEmptyFolders(dir);
}

function removeEmptyFolders(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) if (entry.isDirectory()) removeEmptyFolders(join(dir, entry.name));
  if (readdirSync(dir).length === 0) rmSync(dir, { recursive: true });
}

function fail(diagnostics) {
  if (diagnostics.length === 0) return;
  const formatHost = { getCanonicalFileName: (f) => f, getCurrentDirectory: ts.sys.getCurrentDirectory, getNewLine: () => '\n' };
  console.error(ts.formatDiagnostics(diagnostics, formatHost));
  process.exit(1);
}
