import { describe, expect, it } from 'vitest';
import { nextCell } from './grid-keys';

const size = { rows: 3, cols: 4 };

describe('nextCell', () => {
  it('moves one step with the arrows and stops at the edges', () => {
    expect(nextCell('ArrowRight', { row: 1, col: 1 }, size)).toEqual({ row: 1, col: 2 });
    expect(nextCell('ArrowDown', { row: 2, col: 1 }, size)).toEqual({ row: 2, col: 1 });
    expect(nextCell('ArrowLeft', { row: 0, col: 0 }, size)).toEqual({ row: 0, col: 0 });
    expect(nextCell('ArrowUp', { row: 1, col: 3 }, size)).toEqual({ row: 0, col: 3 });
  });

  it('jumps to the row ends with Home and End, and ignores other keys', () => {
    expect(nextCell('End', { row: 1, col: 1 }, size)).toEqual({ row: 1, col: 3 });
    expect(nextCell('Home', { row: 1, col: 2 }, size)).toEqual({ row: 1, col: 0 });
    expect(nextCell('a', { row: 1, col: 1 }, size)).toBeNull();
  });
});
