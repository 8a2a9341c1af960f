import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { SourceMap } from 'node:module';
import { basename, delimiter, dirname, join, relative, resolve, sep } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandHelpText, mainHelpText } from '../../src/cli/help.js';
import { commandHelps } from '../../src/cli/main.js';
import { benchOps } from '../../src/workloads/standard-workloads.js';
import { TINY, checkpointWithoutTimes, logWithoutTimes, readJsonFile, runCli } from '../helpers/cli-run.js';
import { dataPath } from '../helpers/reference-data.js';

// The package as its users get it: `npm pack` (whose prepack script builds it), the tarball installed into an
// empty folder without a registry (it has no dependencies), then used there as a user would: the
// installed `metarl` command, and a strict TypeScript project that imports 'metarl'. Packing runs
// in a copy of the work tree, so its build never races the work tree's own dist/.

const repo = process.cwd();
const root = mkdtempSync(join(tmpdir(), 'metarl-package-'));
const source = join(root, 'source');
const user = join(root, 'user');
const installed = join(user, 'node_modules', 'metarl');
let packed: { filename: string; size: number; unpackedSize: number; files: { path: string }[] };

afterAll(() => rmSync(root, { recursive: true, force: true }));

interface Exit {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The child's environment: this Node first on PATH, and none of the npm_* variables of an enclosing `npm test`. */
function childEnv(): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.toLowerCase().startsWith('npm_')));
  return { ...env, PATH: `${dirname(process.execPath)}${delimiter}${process.env.PATH ?? ''}` };
}

function run(command: string, args: readonly string[], cwd: string): Exit {
  const r = spawnSync(command, args, { cwd, env: childEnv(), encoding: 'utf8', timeout: 120_000 });
  if (r.error !== undefined) throw new Error(`cannot run ${command}: ${r.error.message}`);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function npm(args: readonly string[], cwd: string): string {
  const r = run('npm', [...args, '--cache', join(root, 'npm-cache'), '--no-audit', '--no-fund', '--loglevel', 'error'], cwd);
  if (r.code !== 0) throw new Error(`npm ${args.join(' ')} exited ${r.code}:\n${r.stderr}`);
  return r.stdout;
}

/** The installed command, run in the user's folder as `npx metarl ...` runs it. */
const metarl = (...argv: string[]): Exit => run(join(user, 'node_modules', '.bin', 'metarl'), argv, user);

/** True for a path that .gitignore names (its lines are names and `*` globs): what a fresh clone lacks. */
function ignoredBy(gitignore: string): (path: string) => boolean {
  const patterns = gitignore.split('\n').map((l) => l.trim().replace(/\/$/, '')).filter((l) => l !== '' && !l.startsWith('#'));
  const names = patterns.map((p) => new RegExp(`^${p.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}$`));
  return (path) => path.split(sep).some((name) => name === '.git' || names.some((n) => n.test(name)));
}

/** The README's library example: the ```ts block of its "Install and use as a library" section. */
function readmeExample(): string {
  const readme = readFileSync('README.md', 'utf8');
  const start = readme.indexOf('\n## Install and use as a library\n');
  if (start < 0) throw new Error('README.md has no "## Install and use as a library" section');
  const end = readme.indexOf('\n## ', start + 1);
  const code = /\n```ts\n([\s\S]*?)\n```\n/.exec(readme.slice(start, end < 0 ? undefined : end));
  if (code === null) throw new Error('README.md: "Install and use as a library" has no ```ts example');
  return `${code[1]}\n`;
}

beforeAll(() => {
  const ignored = ignoredBy(readFileSync('.gitignore', 'utf8'));
  cpSync(repo, source, { recursive: true, filter: (path) => !ignored(relative(repo, path)) });
  symlinkSync(join(repo, 'node_modules'), join(source, 'node_modules'), 'dir');
  [packed] = JSON.parse(npm(['pack', '--json', '--pack-destination', root], source));
  mkdirSync(user);
  writeFileSync(join(user, 'package.json'), JSON.stringify({ name: 'metarl-user', private: true, type: 'module' }));
  npm(['install', '--offline', join(root, packed.filename)], user);
}, 240_000);

describe('the package, packed and installed into an empty folder', () => {
  it('holds the command, the bundles and declarations with their maps, the sources the maps point to, the audit example, LICENSE, README and package.json: no tests, benchmarks or other data', () => {
    const paths = packed.files.map((f) => f.path).sort();
    const shipped = /^(package\.json|README\.md|LICENSE|bin\/metarl\.mjs|dist\/(index|cli)\.js(\.map)?|dist\/types\/.+\.d\.ts(\.map)?|src\/.+\.ts|test\/data\/fixtures\/tiny-tanh\.json)$/;
    expect(paths.filter((p) => !shipped.test(p))).toEqual([]);
    expect(paths).toEqual(
      expect.arrayContaining(['LICENSE', 'README.md', 'bin/metarl.mjs', 'dist/cli.js', 'dist/cli.js.map', 'dist/index.js', 'dist/index.js.map', 'dist/types/index.d.ts', 'dist/types/index.d.ts.map', 'package.json', 'test/data/fixtures/tiny-tanh.json']),
    );
    const declarations = paths.filter((p) => p.startsWith('dist/types/'));
    expect(declarations.filter((p) => p.endsWith('.d.ts')).map((p) => `${p}.map`)).toEqual(declarations.filter((p) => p.endsWith('.d.ts.map'))); // a map per declaration
    expect(readFileSync(join(installed, 'LICENSE'), 'utf8')).toMatch(/^MIT License\n\nCopyright \(c\) 2026 the metarl authors\n/);
    expect(packed.size).toBeLessThan(900_000); // bytes of the tarball: a budget, so that growth is noticed
    expect(readdirSync(join(user, 'node_modules')).filter((f) => !f.startsWith('.'))).toEqual(['metarl']); // no dependencies
    const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
    expect(manifest.license).toBe('MIT');
    // What npm runs on installing a package (prepare too, for one installed from git or a folder): none.
    expect(Object.keys(manifest.scripts).filter((name) => ['preinstall', 'install', 'postinstall', 'prepare'].includes(name))).toEqual([]);
    expect(manifest.exports['.']).toEqual({ types: './dist/types/index.d.ts', browser: './dist/index.js', import: './dist/index.js', default: './dist/index.js' });
    expect(manifest.sideEffects).toBe(false);
    expect(readFileSync(join(installed, 'dist', 'index.js'), 'utf8')).not.toMatch(/from\s*["']node:|\brequire\(|import\(["']node:/);
  });

  it('every map names files the package holds, and maps a bundle\'s and a declaration\'s line back to the line of the source that wrote it', () => {
    const maps = packed.files.map((f) => f.path).filter((p) => p.endsWith('.map'));
    for (const map of maps) {
      const payload = JSON.parse(readFileSync(join(installed, map), 'utf8')) as { sources: string[]; file?: string };
      const generated = map.slice(0, -'.map'.length);
      expect(readFileSync(join(installed, generated), 'utf8').trimEnd().endsWith(`//# sourceMappingURL=${basename(map)}`), map).toBe(true);
      for (const source of payload.sources) expect(existsSync(resolve(installed, dirname(map), source)), `${map}: ${source}`).toBe(true);
    }
    // The line that declares metaGradient, in the bundle and in its declaration file, maps to the source line that declares it.
    const original = (generated: string, pattern: RegExp): string => {
      const lines = readFileSync(join(installed, generated), 'utf8').split('\n');
      const line = lines.findIndex((l) => pattern.test(l));
      expect(line, `${generated} declares metaGradient`).toBeGreaterThanOrEqual(0);
      const entry = new SourceMap(JSON.parse(readFileSync(join(installed, `${generated}.map`), 'utf8'))).findEntry(line, lines[line].search(/\S/));
      expect('originalSource' in entry, generated).toBe(true);
      const { originalSource, originalLine } = entry as { originalSource: string; originalLine: number };
      const source = resolve(installed, dirname(generated), originalSource);
      expect(source.startsWith(join(installed, 'src') + sep), source).toBe(true);
      return readFileSync(source, 'utf8').split('\n')[originalLine];
    };
    expect(original(join('dist', 'index.js'), /^function metaGradient\(/)).toMatch(/^export function metaGradient\(/);
    const declaration = packed.files.map((f) => f.path).find((p) => p.endsWith('.d.ts') && /^export declare function metaGradient\(/m.test(readFileSync(join(installed, p), 'utf8')));
    expect(declaration).toBeDefined();
    expect(original(declaration as string, /^export declare function metaGradient\(/)).toMatch(/^export function metaGradient\(/);
  });

  it('--help, -h and --version of the installed command', () => {
    const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    expect(metarl('--help')).toEqual({ code: 0, stdout: `${mainHelpText(commandHelps())}\n`, stderr: '' });
    for (const help of commandHelps()) expect(metarl(help.name, '-h')).toEqual({ code: 0, stdout: `${commandHelpText(help)}\n`, stderr: '' });
    expect(metarl('--version')).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('bench runs in any folder: a standard case shipped in the package, and a cases file of the user', () => {
    const standard = metarl('bench', '--json', '--case', 'cartpole-32x32-b200');
    expect([standard.code, standard.stderr]).toEqual([0, '']);
    const tiny = { alpha: 0.5, cases: [{ name: 'tiny', dims: [3, 5, 2], states: 16 }] };
    writeFileSync(join(user, 'tiny.json'), JSON.stringify(tiny));
    const own = metarl('bench', '--cases', 'tiny.json', '--json');
    expect([own.code, own.stderr]).toEqual([0, '']);
    for (const [r, name] of [[standard, 'cartpole-32x32-b200'], [own, 'tiny']] as const) {
      const { cases } = JSON.parse(r.stdout) as { cases: Record<string, Record<string, number>> };
      expect(Object.keys(cases)).toEqual([name]);
      expect(Object.keys(cases[name])).toEqual([...benchOps]);
      for (const us of Object.values(cases[name])) expect(Number.isFinite(us) && us > 0).toBe(true);
    }
    expect(metarl('bench', '--cases', 'missing.json')).toEqual({ code: 2, stdout: '', stderr: 'metarl: cannot read missing.json: ENOENT\n' });
  });

  it('train, then eval of that run, give the numbers the sources give; audit checks its example and a fixture copied in', async () => {
    const args = ['train', ...TINY, '--seed', '5'];
    const trained = metarl(...args, '--out', 'run');
    expect(trained.code, trained.stderr).toBe(0);
    const reference = join(root, 'from-source');
    expect((await runCli([...args, '--out', reference])).code).toBe(0);
    const run = join(user, 'run');
    expect(readdirSync(run).sort()).toEqual(['checkpoint.json', 'eval.json', 'log.jsonl']);
    expect(logWithoutTimes(run)).toEqual(logWithoutTimes(reference));
    expect(checkpointWithoutTimes(run)).toEqual(checkpointWithoutTimes(reference));
    const evaluation = readJsonFile(reference, 'eval.json') as { returns: number[] };
    rmSync(join(run, 'eval.json'));
    const evaluated = metarl('eval', 'run');
    // The sources' eval of the same checkpoint prints the same lines (test/cli/cli.test.ts checks them against eval.json).
    const evalFromSource = await runCli(['eval', reference]);
    expect(evalFromSource.out.slice(0, 3)).toEqual(['maml at iteration 3, 2 held-out tasks', ...evaluation.returns.map((x, k) => `  after ${k} inner step${k === 1 ? '' : 's'}: mean return ${x.toFixed(1)}`)]);
    expect(evaluated).toEqual({ code: 0, stdout: [...evalFromSource.out, ''].join('\n'), stderr: '' });
    expect(readJsonFile(run, 'eval.json')).toEqual(evaluation);

    // The example bundled in the CLI, and the same fixture at its path in the package: tiny-tanh's rows, as the sources print them.
    const example = metarl('audit', '--example');
    const exampleFromSource = await runCli(['audit', '--example']);
    expect(example).toEqual({ code: 0, stdout: [...exampleFromSource.out, ''].join('\n'), stderr: '' });
    expect(example.stdout.split('\n')[0]).toBe('example: tiny-tanh.json (PyTorch 1.13, float64)');
    const shippedFile = metarl('audit', join('node_modules', 'metarl', 'test', 'data', 'fixtures', 'tiny-tanh.json'));
    expect(shippedFile.stdout.split('\n').slice(1)).toEqual(example.stdout.split('\n').slice(1));

    copyFileSync(dataPath('fixtures', 'tiny-tanh.json'), join(user, 'tiny-tanh.json'));
    const audited = metarl('audit', 'tiny-tanh.json');
    const fromSource = await runCli(['audit', dataPath('fixtures', 'tiny-tanh.json')]);
    expect(audited.code).toBe(0);
    expect(audited.stdout.split('\n').slice(1)).toEqual([...fromSource.out.slice(1), '']); // the same errors, printed alike
    expect(audited.stdout).toMatch(/\n {2}all \d+ quantities within 1e-10\n$/);
    expect(metarl('audit', 'tiny-tanh.json', '--tol', '1e-30').code).toBe(1);
  });

  it('the README example type-checks under strict against the published types, and prints the closed forms and the sources\' numbers', async () => {
    const example = readmeExample();
    writeFileSync(join(user, 'example.ts'), example);
    // Nothing but the language's own library and the example's console: the published types need no DOM or Node types.
    writeFileSync(join(user, 'console.d.ts'), 'declare const console: { log(...values: unknown[]): void };\n');
    const compilerOptions = { strict: true, skipLibCheck: false, noEmitOnError: true, target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', lib: ['ES2022'], types: [], outDir: 'out' };
    writeFileSync(join(user, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: ['example.ts', 'console.d.ts'] }));
    const tsc = run(process.execPath, [join(repo, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], user);
    expect(tsc).toEqual({ code: 0, stdout: '', stderr: '' });
    const printed = run(process.execPath, [join('out', 'example.js')], user);
    expect([printed.code, printed.stderr]).toEqual([0, '']);
    const lines = printed.stdout.trim().split('\n');
    expect(lines).toHaveLength(4);
    const [gradient, hessianTimesOnes, metaGradient] = lines.slice(0, 3).map((l) => JSON.parse(l) as number[]);
    const x = [0.5, -1];
    const dtanh = (v: number) => 1 - Math.tanh(v) ** 2;
    const expectClose = (got: number[], want: number[]) => want.forEach((w, i) => expect(Math.abs(got[i] - w)).toBeLessThanOrEqual(4e-16 * Math.abs(w)));
    expectClose(gradient, x.map(dtanh));
    expectClose(hessianTimesOnes, x.map((v) => -2 * Math.tanh(v) * dtanh(v)));
    expectClose(metaGradient, x.map((v) => 0.8 * dtanh(0.8 * v))); // the inner step maps x to (1 - 2 * 0.1) x
    const [before, after] = lines[3].split(' ').map(Number);
    expect([before, after].every((r) => r > 0 && Number.isFinite(r))).toBe(true);

    // The same example built from the sources prints the same bits, the training step included.
    const fromSource = join(root, 'example-from-source.mjs');
    await build({ entryPoints: [join(user, 'example.ts')], outfile: fromSource, bundle: true, format: 'esm', platform: 'node', alias: { metarl: join(repo, 'src', 'index.ts') }, logLevel: 'error' });
    expect(run(process.execPath, [fromSource], root)).toEqual(printed);
  });

  it('a bundler targeting the browser gets dist/index.js, which pulls in no Node module; imported for nothing, it drops out (sideEffects: false)', async () => {
    const bundle = (contents: string) =>
      build({ stdin: { contents, resolveDir: user }, bundle: true, platform: 'browser', format: 'esm', write: false, metafile: true, logLevel: 'silent' });
    const used = await bundle("export { grad, metaGradient, MetaTrainer } from 'metarl';");
    const inputs = Object.keys(used.metafile.inputs).filter((p) => p !== '<stdin>');
    expect(inputs.map((p) => realpathSync(resolve(repo, p)))).toEqual([realpathSync(join(installed, 'dist', 'index.js'))]);
    expect(used.outputFiles[0].text).toMatch(/export\s*\{[^}]*\bgrad\b/);
    const unused = await bundle("import 'metarl';");
    expect(unused.outputFiles[0].text.trim()).toBe('');
  });
});
