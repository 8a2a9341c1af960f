import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SUMMARY_END, SUMMARY_START, summaryBlock } from '../src/report/summary.js';

// The README's results summary is the block `metarl report` writes into docs/results.md, word for
// word: the README says nothing about results that the page's logs do not give.
const readme = readFileSync('README.md', 'utf8');
const results = readFileSync('docs/results.md', 'utf8');

describe('the README\'s results summary', () => {
  it('is between the markers in docs/results.md (regenerate the page with metarl report if not)', () => {
    expect(summaryBlock(results), `docs/results.md has no block between ${SUMMARY_START} and ${SUMMARY_END}`).not.toBeNull();
  });

  it('is between the same markers in README.md', () => {
    expect(summaryBlock(readme), `README.md has no block between ${SUMMARY_START} and ${SUMMARY_END}`).not.toBeNull();
  });

  it('is the page\'s block, word for word', () => {
    const page = summaryBlock(results);
    expect(page, 'docs/results.md has no summary block to compare with').not.toBeNull();
    expect(summaryBlock(readme)).toBe(page);
  });
});
