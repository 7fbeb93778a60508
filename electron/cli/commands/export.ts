import { stat } from 'node:fs/promises';
import path from 'node:path';
import { badInput } from '../errors';
import type { Command } from '../registry';
import { readDraft } from './validate';

async function outputDir(out: unknown): Promise<string> {
  if (typeof out !== 'string' || out.trim() === '') throw badInput('缺少 --out <目录>');
  const dir = path.resolve(out);
  const info = await stat(dir).catch(() => null);
  if (!info?.isDirectory()) throw badInput(`输出目录不存在：${dir}`);
  return dir;
}

/**
 * `shenbao export <草稿.json> --out <目录>`: the book as DOCX and PDF (watermarked while the
 * draft has errors) and the submission package (only for an error-free draft). Every file is
 * written atomically; with no format flag, all three are written.
 */
export const exportCommand: Command = {
  path: ['export'],
  usage: 'export <草稿.json> --out <目录> [--docx] [--pdf] [--package]',
  summary: '导出申报书 Word、PDF 和申报包（不加选项时三者都导出；申报包要求草稿没有错误）',
  options: { out: { type: 'string' }, docx: { type: 'boolean' }, pdf: { type: 'boolean' }, package: { type: 'boolean' } },
  positionals: { min: 1, max: 1, names: '<草稿.json>' },
  async run(ctx, { values, positionals }) {
    const dir = await outputDir(values.out);
    const draft = await readDraft(positionals[0]!);
    const none = values.docx !== true && values.pdf !== true && values.package !== true;
    const want = { docx: none || values.docx === true, pdf: none || values.pdf === true, package: none || values.package === true };

    // The store, docx, zip and Chromium code load only for this command, not at every `shenbao` start.
    const { exportDocuments } = await import('./exportDocuments');
    return exportDocuments(ctx, draft, dir, want);
  },
};
