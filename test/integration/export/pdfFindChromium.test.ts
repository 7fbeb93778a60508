import { describe, expect, it } from 'vitest';
import { findChromium, NO_CHROMIUM_MESSAGE } from '../../../electron/services/export/pdf/findChromium';

describe('findChromium', () => {
  it('uses SHENBAO_CHROMIUM when it exists', () => {
    expect(findChromium({ SHENBAO_CHROMIUM: '/opt/chrome/chrome' }, (p) => p === '/opt/chrome/chrome')).toBe('/opt/chrome/chrome');
  });

  it('names a wrong SHENBAO_CHROMIUM instead of silently using another browser', () => {
    expect(() => findChromium({ SHENBAO_CHROMIUM: '/nope/chrome' }, () => false)).toThrow('SHENBAO_CHROMIUM 指向的文件不存在：/nope/chrome');
  });

  it('auto-detects an installed browser', () => {
    const found = findChromium({}, () => true);
    expect(found.length).toBeGreaterThan(0);
  });

  it('explains in Chinese what to do when there is none', () => {
    expect(() => findChromium({}, () => false)).toThrow(NO_CHROMIUM_MESSAGE);
    try {
      findChromium({}, () => false);
    } catch (e) {
      expect((e as { code?: string }).code).toBe('unavailable');
    }
  });
});
