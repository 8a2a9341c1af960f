import { describe, expect, it } from 'vitest';
import { lineChart, niceTicks } from '../src/plot/svg.js';

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
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100"')).toBe(true);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
  });

  it('draws a band as one polygon, upper edge forwards then lower edge backwards', () => {
    const svg = lineChart(
      [{ label: 's', points: [[0, 50], [10, 50]], band: [[0, 0, 100], [10, 0, 100]] }],
      { title: 't', xLabel: 'x', yLabel: 'y', width: 200, height: 100 },
    );
    expect(svg).toContain('<polygon points="64,36 184,36 184,52 64,52"');
  });
});
