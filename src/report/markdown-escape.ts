// Text from logs, configs and provenance made inert in the results page. A line break would start
// a new block (a "# heading", a table row), so control characters become spaces; HTML-significant
// characters become entities; the characters that open inline Markdown (emphasis, code, links,
// images, table cells) are backslash-escaped. Ordinary names and commands come out unchanged.

const CONTROL = /[\u0000-\u001f\u007f\u0085\u2028\u2029]/g;

/** Plain text for prose, headings and table cells. */
export function markdownText(s: string): string {
  return s
    .replace(CONTROL, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`);
}

/**
 * A code span showing `s` literally: its content is never parsed as Markdown or HTML, so only line
 * breaks and the fence need care; the fence is one backtick longer than the longest run in `s`.
 * Not for table cells, where GFM splits on "|" even inside code.
 */
export function codeSpan(s: string): string {
  const text = s.replace(CONTROL, ' ');
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') || (text.startsWith(' ') && text.endsWith(' ') && text.trim() !== '') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}
