import { describe, expect, it } from 'vitest';
import { experimentReport } from '../../src/report/experiment-report.js';
import { resultsMarkdown } from '../../src/report/markdown.js';
import { type Spec, input } from '../helpers/report-runs.js';

const noThreshold = (): number | null => null;
const SPECS: Spec[] = [{ algo: 'maml', seed: 0, final: [0, 1] }];

describe('the grid\'s note on the results page', () => {
  it('is a paragraph under the experiment\'s heading, escaped: no heading, emphasis, HTML or table cell of its own', () => {
    const note = '# Cut to *3* seeds | <b>budget</b> `12 h`';
    const page = resultsMarkdown({ experiments: [experimentReport({ ...input(SPECS, 'paper'), note }, noThreshold)], thresholdFor: noThreshold }).split('\n');
    const at = page.indexOf('## paper');
    expect(page.slice(at, at + 4)).toEqual(['## paper', '', 'The grid\'s note: # Cut to \\*3\\* seeds \\| &lt;b&gt;budget&lt;/b&gt; \\`12 h\\`', '']);
  });

  it('is absent without one', () => {
    const page = resultsMarkdown({ experiments: [experimentReport(input(SPECS, 'paper'), noThreshold)], thresholdFor: noThreshold });
    expect(page).not.toContain('The grid\'s note');
  });
});
