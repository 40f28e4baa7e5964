import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { SeverityBadge, severityTone } from './severity-badge.js';

describe('SeverityBadge', () => {
  it('colours by severity, fills only critical, and always prints the label', () => {
    const critical = renderToStaticMarkup(<SeverityBadge severity="critical" label="Kritisch" />);
    expect(critical).toContain('fleet-badge--danger fleet-badge--solid');
    expect(critical).toContain('>Kritisch<');
    const warning = renderToStaticMarkup(<SeverityBadge severity="warning" label="Warning" testId="sev" />);
    expect(warning).not.toContain('fleet-badge--solid');
    expect(warning).toContain('data-testid="sev"');
    expect(severityTone('major')).toBe('danger');
    expect(severityTone('info')).toBe('info');
  });
});
