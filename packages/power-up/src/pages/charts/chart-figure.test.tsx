import { describe, expect, it } from 'vitest';
import { ChartFigure } from './chart-figure.js';

describe('ChartFigure', () => {
  it('frames a drawing as one named, described image with the same words as its caption', async () => {
    const html = String(
      await (
        <ChartFigure id="burn" class="budget-burn" width={640} height={200} title="Budget" summary="Half used.">
          <rect x="0" y="0" width="10" height="10" />
        </ChartFigure>
      ),
    );
    expect(html).toBe(
      '<figure class="chart budget-burn"><svg viewBox="0 0 640 200" width="100%" role="img" ' +
        'aria-labelledby="burn-title burn-desc" xmlns="http://www.w3.org/2000/svg">' +
        '<title id="burn-title">Budget</title><desc id="burn-desc">Half used.</desc>' +
        '<rect x="0" y="0" width="10" height="10"></rect></svg><figcaption>Half used.</figcaption></figure>',
    );
  });
});
