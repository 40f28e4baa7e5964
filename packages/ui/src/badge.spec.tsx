import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { StateBadge } from './badge.js';
import { StatTile } from './stat-tile.js';

describe('components', () => {
  it('gives a state badge the tone of its state and names unknown states', () => {
    expect(renderToStaticMarkup(<StateBadge state="charge" />)).toContain('fleet-badge--success');
    expect(renderToStaticMarkup(<StateBadge state={null} />)).toContain('>unknown<');
  });

  it('puts the test id on the value of a stat tile', () => {
    const html = renderToStaticMarkup(<StatTile label="SOC" value="46 %" testId="soc" />);
    expect(html).toContain('data-testid="soc">46 %<');
  });
});
