import { describe, expect, it } from 'vitest';
import { changeConcerns, parseAccessChange } from './access-change.js';

const desk = { userId: 'u-support', orgId: 'org-desk' };
const other = { userId: 'u-other', orgId: 'org-other' };

describe('access change notifications', () => {
  it('narrows a grant change to the grantee organisation', () => {
    const change = parseAccessChange('{"kind":"grant","siteId":"s1","granteeTenantId":"org-desk"}');
    expect(change).toEqual({ who: 'organisation', orgId: 'org-desk' });
    expect([changeConcerns(change, desk), changeConcerns(change, other)]).toEqual([true, false]);
  });

  it('narrows a member change to the user', () => {
    const change = parseAccessChange('{"kind":"member","userId":"u-support","tenantId":"org-desk"}');
    expect([changeConcerns(change, desk), changeConcerns(change, other)]).toEqual([true, false]);
  });

  it('concerns everyone when the payload says nobody in particular or does not parse', () => {
    for (const payload of ['{"kind":"site"}', 'not json', '[1]', undefined, '{"userId":7}']) {
      expect(parseAccessChange(payload)).toEqual({ who: 'everyone' });
    }
  });
});
