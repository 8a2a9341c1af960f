// docs/results.md and the README's summary are generated: from the committed results/paper, by the
// same command the README gives, byte for byte.
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { summaryBlock } from '../../src/report/summary.js';
import { runCli } from '../helpers/cli-run.js';

const ROOT = join(import.meta.dirname, '..', '..');
const DOCS = join(ROOT, 'docs');
const out = mkdtempSync(join(tmpdir(), 'metarl-results-page-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

const read = (dir: string, name: string): string => readFileSync(join(dir, name), 'utf8');

describe('the results page', () => {
  it("README's summary is docs/results.md's word for word", () => {
    const page = summaryBlock(read(DOCS, 'results.md'));
    expect(page).not.toBeNull();
    expect(summaryBlock(read(ROOT, 'README.md'))).toBe(page);
  });

  it('docs/results.md, its figures and report-inputs.json regenerate byte for byte from results/paper', async () => {
    const r = await runCli(['report', join(ROOT, 'results', 'paper'), '--out', out]);
    expect(r.err).toEqual([]);
    expect(r.code).toBe(0);
    expect(read(out, 'results.md')).toBe(read(DOCS, 'results.md'));
    expect(read(out, 'report-inputs.json')).toBe(read(DOCS, 'report-inputs.json'));
    const figures = readdirSync(join(DOCS, 'figures')).sort();
    expect(readdirSync(join(out, 'figures')).sort()).toEqual(figures);
    for (const f of figures) expect(read(join(out, 'figures'), f), f).toBe(read(join(DOCS, 'figures'), f));
  }, 60_000);
});
