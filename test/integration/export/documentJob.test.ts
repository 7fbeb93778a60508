/**
 * 导出 Word / 导出 PDF as background jobs (exportDocumentStart): while the printer works, the job's
 * status names the real step and is never 完成; when done, the finished file is the printed
 * document (its media type for the download); 取消 leaves no file.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Services } from '../../../electron/services/index';
import { exportsDirOf } from '../../../electron/services/export/orchestrate/exportsDir';
import type { ExportJobStatus } from '../../../shared/ipc/domains/export.contract';
import { minimalPdf } from '../../support/minimalPdf';
import { makeTempDir } from '../../support/tempStore';
import { openServices } from '../../../electron/services/index';
import { FIXTURE_DAY, openAt, seedFixture } from '../package/packageFixture';

let temp: ReturnType<typeof makeTempDir>;
let services: Services;
let draftId: string;
/** Each print waits here until the test lets it finish, so the running state can be looked at. */
let gates: (() => void)[];
let printing: Promise<void>;
let printStarted: () => void;

const status = (jobId: string): ExportJobStatus => services.exports.status(jobId);

beforeEach(async () => {
  temp = makeTempDir('shenbao-doc-job-');
  gates = [];
  printing = new Promise((resolve) => (printStarted = resolve));
  services = openAt(path.join(temp.dir, 'data'), {
    printer: {
      print: (_html, opts) =>
        new Promise<Buffer>((resolve, reject) => {
          gates.push(() => resolve(minimalPdf('printed')));
          opts?.signal?.addEventListener('abort', () => reject(new Error('aborted')), { once: true });
          printStarted();
        }),
    },
  });
  draftId = await seedFixture(services);
});

afterEach(async () => {
  for (const open of gates) open();
  await services.exports.close();
  services.close();
  temp.cleanup();
});

/** Lets every print through (the TOC needs two), until the job settles. */
async function finish(jobId: string): Promise<ExportJobStatus> {
  const settled = services.exports.settled(jobId);
  let done = false;
  void settled.then(() => (done = true));
  while (!done) {
    gates.shift()?.();
    await new Promise((r) => setTimeout(r, 5));
  }
  return settled;
}

describe('exportDocumentStart', () => {
  it('PDF: 正在打印 PDF while printing, then 完成 with the document, served as application/pdf', async () => {
    const { jobId } = (await services.handlers.exportDocumentStart({ id: draftId, kind: 'pdf' })) as { jobId: string };
    await printing;
    const running = status(jobId);
    expect(running.state).toBe('running');
    expect(running.step).toMatch(/^正在打印 PDF/);
    expect(running.step).not.toContain('完成');
    expect(running.progress).toBeGreaterThan(0);
    expect(running.progress).toBeLessThan(1);
    expect(services.exports.finished(jobId)).toBeUndefined();

    const done = await finish(jobId);
    expect(done).toMatchObject({ state: 'done', step: '完成', progress: 1, fileName: expect.stringMatching(/-申报书\.pdf$/) });
    const file = services.exports.finished(jobId)!;
    expect(file.mediaType).toBe('application/pdf');
    const bytes = readFileSync(file.path);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(file.size).toBe(bytes.length);
  });

  it('Word: 正在排版以计算目录页码 while its 目录 is laid out; the file is a .docx (zip), served with the Word media type', async () => {
    const steps: string[] = [];
    const { jobId } = (await services.handlers.exportDocumentStart({ id: draftId, kind: 'docx' })) as { jobId: string };
    // The fixture has a 目录: its page numbers come from a PDF layout first.
    await printing;
    steps.push(status(jobId).step);
    const done = await finish(jobId);
    expect(steps).toEqual(['正在排版以计算目录页码']);
    expect(done).toMatchObject({ state: 'done', fileName: expect.stringMatching(/-申报书\.docx$/) });
    const file = services.exports.finished(jobId)!;
    expect(file.mediaType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(readFileSync(file.path).subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('取消 while printing: cancelled, and no file is left in the exports folder', async () => {
    const { jobId } = (await services.handlers.exportDocumentStart({ id: draftId, kind: 'pdf' })) as { jobId: string };
    await printing;
    const cancelled = await services.handlers.exportJobCancel({ jobId });
    expect(cancelled).toMatchObject({ state: 'cancelled' });
    expect(services.exports.finished(jobId)).toBeUndefined();
    const dir = exportsDirOf(services.dataDir);
    expect(existsSync(dir) ? readdirSync(dir) : []).toEqual([]);
  });

  it('desktop app: exportJobSave writes the finished document where the save dialog said, and 打开所在文件夹 may reveal it', async () => {
    const target = path.join(temp.dir, '我的文档', '申报书.pdf');
    const revealed: string[] = [];
    const desktop = openServices({
      dataDir: path.join(temp.dir, 'desktop'),
      mode: 'electron',
      now: () => FIXTURE_DAY,
      printer: { print: async () => minimalPdf('printed') },
      chooseSavePath: async () => target,
      showItemInFolder: (file) => revealed.push(file),
    });
    try {
      const id = await seedFixture(desktop);
      const { jobId } = (await desktop.handlers.exportDocumentStart({ id, kind: 'pdf' })) as { jobId: string };
      expect(await desktop.exports.settled(jobId)).toMatchObject({ state: 'done' });
      const saved = await desktop.handlers.exportJobSave({ jobId });
      expect(saved).toEqual({ saved: true, path: target, fileName: '申报书.pdf' });
      expect(readFileSync(target)).toEqual(readFileSync(desktop.exports.finished(jobId)!.path));
      await desktop.handlers.exportShowInFolder({ path: target });
      expect(revealed).toEqual([target]);
    } finally {
      await desktop.exports.close();
      desktop.close();
    }
  });
});
