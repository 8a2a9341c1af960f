import { describe, expect, it } from 'vitest';
import { barChart, escapeXml, lineChart, niceTicks, panelChart } from '../../src/plot/svg.js';

describe('SVG line chart', () => {
  it('picks round ticks covering the range', () => {
    expect(niceTicks(0, 100)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(niceTicks(12, 487)).toEqual([100, 200, 300, 400]);
    expect(niceTicks(-0.3, 0.9)).toEqual([-0.2, 0, 0.2, 0.4, 0.6, 0.8]);
    expect(niceTicks(5, 5)).toEqual([5]);
  });

  it('maps data to the plot box: first point at the left edge, extremes at the tick range', () => {
    const svg = lineChart(
      [{ label: 'maml <a&b>', points: [[0, 0], [10, 100]] }],
      { title: 't', xLabel: 'x', yLabel: 'y', width: 200, height: 100 },
    );
    // plot box: left 64, right 200-16=184, top 36, bottom 100-48=52; y ticks 0..100 span it exactly
    expect(svg).toContain('<polyline points="64,52 184,36"');
    expect(svg).toContain('maml &lt;a&amp;b&gt;');
    // the legend beside the plot: 48 + 7 px per character of 'maml <a&b>' (10)
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" width="318" height="100"')).toBe(true);
    expect(svg).toContain('<text x="242" y="46">maml &lt;a&amp;b&gt;</text>');
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
  });

  it('draws a band as one polygon, upper edge forwards then lower edge backwards', () => {
    const svg = lineChart(
      [{ label: 's', points: [[0, 50], [10, 50]], band: [[0, 0, 100], [10, 0, 100]] }],
      { title: 't', xLabel: 'x', yLabel: 'y', width: 200, height: 100 },
    );
    expect(svg).toContain('<polygon points="64,36 184,36 184,52 64,52"');
  });

  it('lays panels out in rows on the axes of all their series, a label drawn with one style throughout', () => {
    const svg = panelChart(
      [
        { title: 'a', series: [{ label: 'x', points: [[0, 0], [10, 50]], color: 'red', dashed: true }] },
        { title: 'b', series: [{ label: 'y', points: [[0, 50], [10, 100]], color: 'blue' }, { label: 'x', points: [[0, 20], [10, 20]], color: 'red', dashed: true }] },
        { title: 'c', series: [] },
      ],
      { title: 't', xLabel: 'x', yLabel: 'y', width: 200, height: 100, columns: 2 },
    );
    // Panels 200 x 100 in 2 columns, below a 12 px title band: plot boxes at x 64..184 and 264..384,
    // y 48..64 (row 1) and 148..164 (row 2); y from 0 to 100 in every panel.
    expect(svg).toContain('<polyline points="64,64 184,56" fill="none" stroke="red" stroke-width="2" stroke-dasharray="6 4"/>');
    expect(svg).toContain('<polyline points="264,56 384,48" fill="none" stroke="blue" stroke-width="2"/>');
    expect(svg).toContain('<polyline points="264,60.8 384,60.8" fill="none" stroke="red" stroke-width="2" stroke-dasharray="6 4"/>');
    expect(svg).toContain('<rect x="64" y="148" width="120" height="16" fill="none" stroke="#333"/>');
    // one legend entry per label, right of the grid (2 x 200 px)
    expect([...svg.matchAll(/<text x="442" y="\d+">(\w)<\/text>/g)].map((m) => m[1])).toEqual(['x', 'y']);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" width="455" height="232"')).toBe(true);
  });
});

describe('SVG text', () => {
  it('XML-escapes the five significant characters and replaces what XML cannot hold', () => {
    expect(escapeXml('<script>alert("x")</script>')).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(escapeXml(`<img src=x onerror='alert(1)'> & more`)).toBe('&lt;img src=x onerror=&apos;alert(1)&apos;&gt; &amp; more');
    expect(escapeXml('a\u0000b\u001bc\nd\te')).toBe('a\ufffdb\ufffdc\nd\te');
    expect(escapeXml('cartpole maml [eta-half]')).toBe('cartpole maml [eta-half]');
  });

  it('escapes every text and colour a caller hands in: titles, labels, notes, axis names', () => {
    const svg = barChart([{ label: '<b>', value: 1, note: '"n"', color: 'red" onload="x' }], { title: "t'1", xLabel: 'x&y', yLabel: '' });
    expect(svg).toContain('font-size="14">t&apos;1</text>');
    expect(svg).toContain('text-anchor="end">&lt;b&gt;</text>');
    expect(svg).toContain('fill="red&quot; onload=&quot;x"/>');
    expect(svg).toContain('>&quot;n&quot;</text>');
    expect(svg).toContain('text-anchor="middle">x&amp;y</text>');
    expect(svg).not.toMatch(/<b>|onload="/);
  });
});
