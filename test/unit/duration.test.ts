import { describe, it, expect } from 'vitest';
import { DURATION_PATTERN, InvalidDurationError, isValidDuration, parseDuration } from '../../src/domain/duration';

const H = 3_600_000;
const D = 24 * H;

describe('parseDuration', () => {
  it.each([
    ['P2D', 2 * D],
    ['PT4H', 4 * H],
    ['PT2S', 2000],
    ['PT0.5S', 500],
    ['P1DT12H', 36 * H],
    ['P1W', 7 * D],
    ['P2W', 14 * D],
    ['PT30M', 30 * 60_000],
    ['P1DT2H3M4.25S', D + 2 * H + 3 * 60_000 + 4250],
    ['PT24H', D],
    ['PT0S', 0],
  ])('%s → %d ms', (iso, ms) => {
    expect(parseDuration(iso)).toBe(ms);
    expect(isValidDuration(iso)).toBe(true);
  });

  it('treats a day as 24 hours', () => {
    expect(parseDuration('P1D')).toBe(parseDuration('PT24H'));
  });

  it.each(['P1Y', 'P1M', 'P1Y2M3D', 'P2MT1H', 'P1Y1D'])('refuses years and months: %s', (iso) => {
    expect(() => parseDuration(iso)).toThrow(InvalidDurationError);
    expect(() => parseDuration(iso)).toThrow(/years and months/);
    expect(isValidDuration(iso)).toBe(false);
  });

  it.each(['', 'P', 'PT', 'P1DT', '-P1D', 'P-1D', 'PT-4H', '4H', 'pt4h', 'PT4', 'P1.5D', 'PT.5S', 'PT1H30', 'P1W2D', 'P1D1H', 'PT4H ', 'garbage', 'PT1S1M'])(
    'refuses %j',
    (iso) => {
      expect(() => parseDuration(iso)).toThrow(InvalidDurationError);
      expect(isValidDuration(iso)).toBe(false);
    },
  );

  it('refuses values too large to be represented', () => {
    expect(() => parseDuration('P99999999999999999D')).toThrow(InvalidDurationError);
  });

  it('InvalidDurationError is an Error that names the input', () => {
    try {
      parseDuration('P1Y');
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(Error);
      expect((err as Error).message).toContain('P1Y');
    }
  });
});

describe('DURATION_PATTERN', () => {
  const re = new RegExp(DURATION_PATTERN, 'u');
  it.each(['P2D', 'PT4H', 'PT2S', 'PT0.5S', 'P1DT12H', 'P1W', 'PT30M', 'P1DT2H3M4.25S'])('accepts %s', (iso) => {
    expect(re.test(iso)).toBe(true);
  });
  it.each(['', 'P', 'PT', 'P1DT', '-P1D', 'P1Y', 'P1M', 'P1W2D', 'PT4', 'garbage', 'PT4H '])('rejects %j', (iso) => {
    expect(re.test(iso)).toBe(false);
  });
});
