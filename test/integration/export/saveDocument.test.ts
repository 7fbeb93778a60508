import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openServices, type Services } from '../../../electron/services/index';
import { dispatch } from '../../../shared/ipc/dispatch';
import type { Method } from '../../../shared/ipc/channels';
import type { Envelope } from '../../../shared/ipc/errors';
import { makeTempDir } from '../../support/tempStore';

/**
 * The desktop app's 导出 Word / 导出 PDF: printed, then written where the user chose in the save
 * dialog (atomically), and 打开所在文件夹 reveals only a file this session saved.
 */
describe('exportDocumentSave and exportShowInFolder', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let services: Services;
  let answer: string | null;
  const revealed: string[] = [];
  const call = (method: Method, input: unknown): Promise<Envelope<unknown>> => dispatch(services.handlers, method, input);

  beforeEach(() => {
    temp = makeTempDir();
    answer = null;
    revealed.length = 0;
    services = openServices({
      dataDir: path.join(temp.dir, 'data'),
      mode: 'electron',
      chooseSavePath: async () => answer,
      showItemInFolder: (file) => revealed.push(file),
    });
  });
  afterEach(() => {
    services.close();
    temp.cleanup();
  });

  const newDraft = async (): Promise<string> => {
    const created = (await call('draftsCreate', {
      title: '保存测试项目',
      guideline: { packId: 'chengguan-2020', packVersion: '1.0.0', programId: 'tech-innovation', directionPath: [], documentType: 'application' },
    })) as Envelope<{ draft: { id: string } }>;
    if (!created.ok) throw new Error(created.error.message);
    return created.data.draft.id;
  };

  it('writes the Word file where the dialog said, whole, and reveals it', async () => {
    const id = await newDraft();
    answer = path.join(temp.dir, '我的文档', '申报书.docx');
    await expect(call('exportDocumentSave', { id, kind: 'docx' })).resolves.toMatchObject({ ok: false });
    const dir = path.join(temp.dir, '我的文档');
    // The folder must exist, as the dialog guarantees: a missing one is refused in Chinese, nothing written.
    const { mkdirSync } = await import('node:fs');
    mkdirSync(dir);
    const saved = (await call('exportDocumentSave', { id, kind: 'docx' })) as Envelope<{ saved: boolean; path: string; fileName: string }>;
    expect(saved).toMatchObject({ ok: true, data: { saved: true, path: answer, fileName: '申报书.docx' } });
    expect(readFileSync(answer).subarray(0, 2).toString('latin1')).toBe('PK');
    expect(readdirSync(dir)).toEqual(['申报书.docx']);
    await expect(call('exportShowInFolder', { path: answer })).resolves.toEqual({ ok: true, data: { shown: true } });
    expect(revealed).toEqual([answer]);
  });

  it('a cancelled dialog writes nothing; another path cannot be revealed', async () => {
    const id = await newDraft();
    answer = null;
    await expect(call('exportDocumentSave', { id, kind: 'docx' })).resolves.toEqual({ ok: true, data: { saved: false } });
    const other = (await call('exportShowInFolder', { path: '/etc/passwd' })) as Envelope<unknown>;
    expect(other).toMatchObject({ ok: false, error: { message: '只能打开本次保存的文件所在的文件夹' } });
    expect(revealed).toEqual([]);
  });

  it('browser mode has no save dialog: refused in Chinese, the download is the way', async () => {
    services.close();
    services = openServices({ dataDir: path.join(temp.dir, 'web'), mode: 'web' });
    const id = await newDraft();
    const refused = (await call('exportDocumentSave', { id, kind: 'docx' })) as Envelope<unknown>;
    expect(refused).toMatchObject({ ok: false, error: { message: expect.stringMatching(/^浏览器模式/) } });
    expect(existsSync(path.join(temp.dir, 'web', 'exports'))).toBe(false);
  });
});
