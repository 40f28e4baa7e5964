import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../test/fakes.js';
import { systemClock } from '../clock.js';
import { noCellSource } from '../sampling/cell-source.js';
import { chooseCellLink, createCellLink } from './create-cell-source.js';

const consoleAt = { kind: 'tcp' as const, host: '127.0.0.1', port: 3130 };
const rs485At = { kind: 'serial' as const, path: '/dev/ttyUSB0' };

describe('chooseCellLink', () => {
  it('auto takes the console, else RS485, else none', () => {
    expect(chooseCellLink({ cellSource: 'auto', console: consoleAt, rs485: rs485At })).toBe('console');
    expect(chooseCellLink({ cellSource: 'auto', rs485: rs485At })).toBe('rs485');
    expect(chooseCellLink({ cellSource: 'auto' })).toBe('none');
  });

  it('a named source wins over auto’s order, and none turns snapshots off', () => {
    expect(chooseCellLink({ cellSource: 'rs485', console: consoleAt, rs485: rs485At })).toBe('rs485');
    expect(chooseCellLink({ cellSource: 'none', console: consoleAt, rs485: rs485At })).toBe('none');
  });

  it('without a link the sampler gets the source that has no snapshots', () => {
    const sut = createCellLink(
      {
        cellSource: 'none',
        rs485: rs485At,
        rs485Baud: 115_200,
        rs485Strings: [{ bmsAddress: 0, group: 0 }],
        rs485TimeoutMs: 1000,
        consoleBaud: 115_200,
        consoleString: 0,
        consoleTimeoutMs: 3000,
      },
      systemClock,
      silentLogger,
    );
    expect(sut.kind).toBe('none');
    expect(sut.cells).toBe(noCellSource);
  });
});
