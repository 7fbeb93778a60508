/**
 * Issue 6 §Durability 6: a stored attachment file that went missing or was altered on disk is
 * caught on every path that reads it — preview (attachmentsGet), the book's figures in DOCX and
 * PDF, the self-check before export, the submission package — and the message names the attachment
 * as the user called it.
 * Nothing stale or half-written comes out: no document bytes, no package file.
 */
import { existsSync, readFileSync, readdirSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Services } from '../../../electron/services/index';
import type { PdfPrinter } from '../../../electron/services/export/pdf/printer';
import { minimalPdf } from '../../support/minimalPdf';
import { exportsDirOf } from '../../../electron/services/export/orchestrate/exportsDir';
import { AppError } from '../../../shared/ipc/errors';
import { makeTempDir } from '../../support/tempStore';
import { openAt, seedFixture } from '../package/packageFixture';
import { makePng } from '../../unit/docx/png';

const FIGURE_NAME = '检测报告扫描件.png';
const PDF_NAME = '科技合作协议-天山绿能与清源电力.pdf';

type Damage = 'missing' | 'altered';

function damage(services: Services, sha256: string, how: Damage): void {
  const file = services.attachments.path(sha256);
  if (how === 'missing') {
    unlinkSync(file);
    return;
  }
  const bytes = readFileSync(file);
  const at = Math.floor(bytes.length / 2);
  bytes[at] = bytes[at]! ^ 0x01;
  writeFileSync(file, bytes);
}

const EXPECTED = { missing: { code: 'not_found', text: '附件文件缺失' }, altered: { code: 'corrupt_file', text: '已被改动或损坏' } } as const;

/** Handlers may answer synchronously or with a promise; either way the failure is what counts. */
async function failureOf(answer: unknown): Promise<AppError> {
  const outcome = await Promise.resolve(answer).then(
    () => null,
    (e: unknown) => e,
  );
  expect(outcome).toBeInstanceOf(AppError);
  return outcome as AppError;
}

/** The PDF path inlines figures before printing; the printer itself is not under test here. */
const printedHtml: string[] = [];
const printer: PdfPrinter = {
  print: async (html) => {
    printedHtml.push(html);
    return minimalPdf();
  },
};

let temp: ReturnType<typeof makeTempDir>;
let services: Services;
let draftId: string;
let figureSha: string;
let pdfSha: string;

beforeEach(async () => {
  temp = makeTempDir('shenbao-att-use-');
  services = openAt(path.join(temp.dir, 'data'), { printer });
  const png = await services.attachments.putFile(makePng(320, 200), { name: FIGURE_NAME, mediaType: 'image/png' });
  figureSha = png.sha256;
  draftId = await seedFixture(services, undefined, (d) => {
    d.attachments['att.achievements']!.push({ sha256: png.sha256, name: FIGURE_NAME, size: png.size, mediaType: 'image/png', addedAt: '2022-05-20T10:30:00+08:00' });
  });
  pdfSha = services.drafts.get(draftId).draft.attachments['att.agreement']![0]!.sha256;
  printedHtml.length = 0;
});

afterEach(() => {
  services.close();
  temp.cleanup();
});

describe('an intact store', () => {
  it('serves every path: preview bytes, DOCX and PDF with the figure, a complete package', async () => {
    const got = await services.handlers.attachmentsGet({ sha256: figureSha });
    expect(Buffer.from(got.dataBase64, 'base64')).toEqual(makePng(320, 200));
    expect((await services.handlers.exportDocx({ id: draftId })).base64.length).toBeGreaterThan(0);
    await services.handlers.exportPdf({ id: draftId });
    expect(printedHtml.some((html) => html.includes('data:image/png;base64,'))).toBe(true);
    const { jobId } = services.handlers.exportPackageStart({ id: draftId }) as { jobId: string };
    expect(await services.exports.settled(jobId)).toMatchObject({ state: 'done' });
  });
});

describe.each(['missing', 'altered'] as const)('an attachment file that is %s', (how) => {
  const { code, text } = EXPECTED[how];

  it('preview (attachmentsGet) refuses it and names it', async () => {
    damage(services, figureSha, how);
    const e = await failureOf(services.handlers.attachmentsGet({ sha256: figureSha }));
    expect(e.code).toBe(code);
    expect(e.message).toContain(text);
    expect(e.message).toContain(`「${FIGURE_NAME}」`);
  });

  it('a figure in the DOCX book fails the export naming it', async () => {
    damage(services, figureSha, how);
    const e = await failureOf(services.handlers.exportDocx({ id: draftId }));
    expect(e.code).toBe(code);
    expect(e.message).toContain(`「${FIGURE_NAME}」`);
  });

  it('a figure in the PDF book fails the export naming it (never printed without it)', async () => {
    damage(services, figureSha, how);
    const e = await failureOf(services.handlers.exportPdf({ id: draftId }));
    expect(e.code).toBe(code);
    expect(e.message).toContain(`「${FIGURE_NAME}」`);
    expect(printedHtml).toEqual([]);
  });

  it.each([
    ['a figure', () => figureSha, FIGURE_NAME],
    ['a packed file', () => pdfSha, PDF_NAME],
  ])('the package fails on %s, names it, and leaves no file', async (_what, shaOf, name) => {
    damage(services, shaOf(), how);
    const started = await Promise.resolve()
      .then(() => services.handlers.exportPackageStart({ id: draftId }))
      .then(
        (answer) => answer,
        (e: unknown) => e,
      );
    if (how === 'missing') {
      // The self-check before the package refuses it outright.
      expect(started).toBeInstanceOf(AppError);
      expect((started as AppError).message).toContain(`附件文件「${name}」缺失，请重新添加`);
    } else {
      // Same size, other bytes: the check before the package hashes the stored files (the one
      // result list reports the altered file), so the package is refused before it starts.
      expect(started).toBeInstanceOf(AppError);
      expect((started as AppError).message).toContain(`附件文件「${name}」已被改动或损坏`);
    }
    const exportsDir = exportsDirOf(services.dataDir);
    expect(existsSync(exportsDir) ? readdirSync(exportsDir) : []).toEqual([]);
  });
});

describe('the self-check before export (exportBlockers)', () => {
  it('lists a missing attachment file by name and blocks the package', async () => {
    damage(services, pdfSha, 'missing');
    const readiness = await services.handlers.exportBlockers({ id: draftId });
    expect(readiness.ready).toBe(false);
    // From the one result list, and only once: no second, private self-check repeats it.
    const naming = readiness.blockers.filter((b) => b.message.includes(`「${PDF_NAME}」`));
    expect(naming.map((b) => b.message)).toEqual([expect.stringContaining(`附件文件「${PDF_NAME}」缺失，请重新添加`)]);
  });

  it('an intact store adds no blocker', async () => {
    expect(await services.handlers.exportBlockers({ id: draftId })).toMatchObject({ ready: true, blockers: [] });
  });
});

describe('verify', () => {
  it('names the attachment by the name it was stored under', async () => {
    damage(services, pdfSha, 'altered');
    const e = await failureOf(services.attachments.verify(pdfSha));
    expect(e.message).toContain(`「${PDF_NAME}」`);
  });
});
