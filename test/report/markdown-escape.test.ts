import { describe, expect, it } from 'vitest';
import { codeSpan, markdownText } from '../../src/report/markdown-escape.js';

describe('text from logs in the results page', () => {
  it('leaves ordinary names, dates and machines as they are', () => {
    expect(['ablation-cartpole', 'alpha-0.1', '2026-11-29T22:26:03.834Z', 'AMD EPYC', 'Intel(R) Xeon(R) CPU @ 2.20GHz', 'v20.20.2'].map(markdownText))
      .toEqual(['ablation-cartpole', 'alpha-0.1', '2026-11-29T22:26:03.834Z', 'AMD EPYC', 'Intel(R) Xeon(R) CPU @ 2.20GHz', 'v20.20.2']);
  });

  it('turns HTML into entities and inline Markdown into escaped characters', () => {
    expect(markdownText('<script>alert(1)</script>')).toBe('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(markdownText('<img src=x onerror=alert(1)>')).toBe('&lt;img src=x onerror=alert(1)&gt;');
    expect(markdownText('[click](javascript:alert(1))')).toBe('\\[click\\](javascript:alert(1))');
    expect(markdownText('a | b')).toBe('a \\| b');
    expect(markdownText('`code` *em* _em_ ~~s~~ \\ &amp;')).toBe('\\`code\\` \\*em\\* \\_em\\_ \\~\\~s\\~\\~ \\\\ &amp;amp;');
  });

  it('cannot start a new block: line breaks become spaces', () => {
    expect(markdownText('x\n# pwned\r\n| a |')).toBe('x # pwned  \\| a \\|');
    expect(markdownText('a\u2028b\u0000c')).toBe('a b c');
  });
});

describe('a code span of text from logs', () => {
  it('wraps ordinary commands in single backticks', () => {
    expect(codeSpan('metarl experiment experiments/paper.json')).toBe('`metarl experiment experiments/paper.json`');
  });

  it('shows HTML, pipes and links literally and fences backticks with a longer run', () => {
    expect(codeSpan('a <script>alert(1)</script> | [x](javascript:alert(1))')).toBe('`a <script>alert(1)</script> | [x](javascript:alert(1))`');
    expect(codeSpan('run `x` and ``y``')).toBe('``` run `x` and ``y`` ```');
    expect(codeSpan('a `b` c')).toBe('``a `b` c``');
    expect(codeSpan('`abc`')).toBe('`` `abc` ``');
    expect(codeSpan(' a ')).toBe('`  a  `');
  });

  it('cannot start a new block: line breaks become spaces', () => {
    expect(codeSpan('metarl\n# pwned')).toBe('`metarl # pwned`');
  });
});
