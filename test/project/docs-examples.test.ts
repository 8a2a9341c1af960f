import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';

// The library page's examples as a user would run them: each ```ts block, importing 'metarl' (here
// the sources), type-checked under strict and run; what it prints must be the page's "Prints:" block.

interface Example {
  readonly code: string;
  readonly prints: string;
  readonly line: number;
}

function examples(page: string): Example[] {
  const text = readFileSync(page, 'utf8');
  const found: Example[] = [];
  const block = /\n```ts\n([\s\S]*?)\n```\n\nPrints:\n\n```text\n([\s\S]*?)\n```\n/g;
  for (let m = block.exec(text); m !== null; m = block.exec(text)) {
    found.push({ code: `${m[1]}\n`, prints: `${m[2]}\n`, line: text.slice(0, m.index).split('\n').length + 1 });
  }
  return found;
}

const page = 'docs/library.md';
const found = examples(page);
const dir = mkdtempSync(join(tmpdir(), 'metarl-docs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe(`the examples of ${page}`, () => {
  it('every ts block has its Prints block', () => {
    const blocks = readFileSync(page, 'utf8').match(/\n```ts\n/g) ?? [];
    expect(found.length).toBe(blocks.length);
    expect(found.length).toBeGreaterThanOrEqual(5);
  });

  it('type-check under strict against the sources', () => {
    const files = found.map((e, i) => {
      const file = join(dir, `example${i}.ts`);
      writeFileSync(file, e.code);
      return file;
    });
    const tsconfig = {
      compilerOptions: {
        target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', lib: ['ES2022', 'DOM'], types: [], strict: true,
        noEmit: true, skipLibCheck: true, baseUrl: '.', paths: { metarl: [resolve('src/index.ts')] },
      },
      files,
    };
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(tsconfig));
    const r = spawnSync(process.execPath, [resolve('node_modules/typescript/bin/tsc'), '-p', join(dir, 'tsconfig.json')], { encoding: 'utf8' });
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  }, 120_000);

  for (const [i, e] of found.entries()) {
    it(`the example at line ${e.line} prints what the page says`, async () => {
      const out = join(dir, `example${i}.mjs`);
      await build({ stdin: { contents: e.code, loader: 'ts', resolveDir: dir }, outfile: out, bundle: true, format: 'esm', platform: 'node', alias: { metarl: resolve('src/index.ts') }, logLevel: 'error' });
      expect(execFileSync(process.execPath, [out], { encoding: 'utf8' })).toBe(e.prints);
    }, 60_000);
  }
});
