import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openServices, type Services } from '../../../electron/services/index';
import { createChromiumPrinter } from '../../../electron/services/export/pdf/chromiumPrinter';
import { findChromium } from '../../../electron/services/export/pdf/findChromium';
import { dispatch } from '../../../shared/ipc/dispatch';
import { makeTempDir } from '../../support/tempStore';

/**
 * The first PDF of a browser-mode session does not wait for Chromium: opening the export page
 * (exportBlockers) starts the printer's browser and loads the book's fonts in the background.
 */

function chromiumOrNull(): string | null {
  try {
    return findChromium();
  } catch {
    return null;
  }
}

describe('PDF printer warm-up', () => {
  let temp: ReturnType<typeof makeTempDir>;
  const previous = process.env['SHENBAO_CHROMIUM'];
  beforeEach(() => {
    temp = makeTempDir();
  });
  afterEach(() => {
    if (previous === undefined) delete process.env['SHENBAO_CHROMIUM'];
    else process.env['SHENBAO_CHROMIUM'] = previous;
    temp.cleanup();
  });

  it('never fails itself: without a usable browser it resolves, and the print says why in Chinese', async () => {
    const printer = createChromiumPrinter({ executablePath: path.join(temp.dir, 'no-such-chromium') });
    await expect(printer.warm()).resolves.toBeUndefined();
    await expect(printer.print('<p>申报通</p>')).rejects.toThrow(/无法启动 Chromium 生成 PDF/);
    await printer.close();
  });

  it('opening the export page in browser mode starts the printer; in Electron mode it does not', async () => {
    // A stand-in browser that only records that it was started (the launch then fails, which the warm-up ignores).
    const marker = path.join(temp.dir, 'started.txt');
    const fake = path.join(temp.dir, 'fake-chromium.sh');
    writeFileSync(fake, `#!/bin/sh\necho started >> '${marker}'\nexit 1\n`);
    chmodSync(fake, 0o755);
    process.env['SHENBAO_CHROMIUM'] = fake;
    for (const mode of ['electron', 'web'] as const) {
      const services: Services = openServices({ dataDir: path.join(temp.dir, mode), mode });
      try {
        const { draft } = services.drafts.create({ title: '预热', guideline: { packId: 'xinjiang-aid-2022', packVersion: '1.0.0', programId: 'aid-program', directionPath: [], documentType: 'application' } });
        const readiness = await dispatch(services.handlers, 'exportBlockers', { id: draft.id });
        expect(readiness.ok).toBe(true);
        await expect.poll(() => existsSync(marker), { timeout: mode === 'web' ? 20_000 : 2_000 }).toBe(mode === 'web');
      } finally {
        services.close();
      }
    }
    expect(readFileSync(marker, 'utf8').trim().split('\n')).toEqual(['started']);
  });

  const chromium = chromiumOrNull();
  it.skipIf(chromium === null)('a warmed printer prints, and asking twice starts one browser', async () => {
    const printer = createChromiumPrinter({ executablePath: chromium ?? undefined });
    try {
      const first = printer.warm();
      expect(printer.warm()).toBe(first);
      await first;
      const pdf = await printer.print('<!doctype html><meta charset="utf-8"><p>申报通</p>');
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    } finally {
      await printer.close();
    }
  }, 60_000);
  if (chromium === null) console.log('跳过「warmed printer prints」：没有 Chromium（设置 SHENBAO_CHROMIUM）');
});
