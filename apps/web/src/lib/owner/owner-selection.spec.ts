import { describe, expect, it } from 'vitest';
import { selectionQuery, selectSystem } from './owner-selection';

const home = {
  id: 'site-a',
  name: 'Home',
  strings: [
    { id: 'str-1', name: 'East' },
    { id: 'str-2', name: 'West' },
  ],
};
const cabin = { id: 'site-b', name: 'Cabin', strings: [{ id: 'str-3', name: 'Main' }] };

describe('selectSystem', () => {
  it('shows the first own site with all its strings by default', () => {
    expect(selectSystem([home, cabin], {})).toEqual({
      kind: 'selected',
      site: home,
      stringIds: ['str-1', 'str-2'],
      stringId: null,
    });
  });

  it('picks the asked site and string among the own ones', () => {
    expect(selectSystem([home, cabin], { site: 'site-b' })).toMatchObject({
      site: cabin,
      stringIds: ['str-3'],
    });
    expect(selectSystem([home, cabin], { site: 'site-a', string: 'str-2' })).toMatchObject({
      stringIds: ['str-2'],
      stringId: 'str-2',
    });
  });

  it('treats another owner’s site or string, or a string of another own site, as not found', () => {
    expect(selectSystem([home], { site: 'site-foreign' })).toEqual({ kind: 'not-found' });
    expect(selectSystem([home], { string: 'str-foreign' })).toEqual({ kind: 'not-found' });
    expect(selectSystem([home, cabin], { site: 'site-a', string: 'str-3' })).toEqual({ kind: 'not-found' });
    expect(selectSystem([], { site: 'site-a' })).toEqual({ kind: 'not-found' });
  });

  it('has nothing to show for an owner without sites, and ignores repeated parameters', () => {
    expect(selectSystem([], {})).toEqual({ kind: 'none' });
    expect(selectSystem([home], { site: ['site-a', 'site-b'] })).toMatchObject({ site: home });
  });

  it('writes the query of a selection', () => {
    expect(selectionQuery('site-a', null)).toBe('site=site-a');
    expect(selectionQuery('site-a', 'str-2')).toBe('site=site-a&string=str-2');
  });
});
