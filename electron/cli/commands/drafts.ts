import { open } from 'node:fs/promises';
import { DRAFT_ARCHIVE_MAX_BYTES } from '../../../shared/ipc/domains/draftArchiveLimit';
import { atomicWriteFile } from '../../services/fs/atomicWrite';
import { badInput } from '../errors';
import { checkOutputPath, parseJsonText, readBinaryFile, readTextFile } from '../files';
import type { Command } from '../registry';

const STATUS_LABEL: Record<string, string> = { editing: '编辑中', final: '已定稿' };

export const draftsList: Command = {
  path: ['drafts', 'list'],
  usage: 'drafts list [--json] [--trash]',
  summary: '列出本地草稿（--json 输出 JSON，--trash 列出回收站）',
  options: { json: { type: 'boolean' }, trash: { type: 'boolean' } },
  positionals: { min: 0, max: 0, names: '' },
  async run(ctx, { values }) {
    const drafts = await ctx.call('draftsList', values.trash === true ? { trash: true } : {});
    if (values.json === true) {
      ctx.out(JSON.stringify(drafts, null, 2));
      return 0;
    }
    if (drafts.length === 0) {
      ctx.out(values.trash === true ? '回收站是空的' : '还没有草稿');
      return 0;
    }
    for (const d of drafts) {
      const status = d.damage === undefined ? (STATUS_LABEL[d.status] ?? d.status) : `已损坏（${d.damage}）`;
      ctx.out(`${d.id}  ${status}  ${d.updatedAt}  ${d.title}`);
    }
    if (drafts.some((d) => d.damage !== undefined)) ctx.out('已损坏的草稿可用 shenbao drafts recover <草稿编号> 恢复到最近完好的版本；其他草稿不受影响');
    return 0;
  },
};

export const draftsRecover: Command = {
  path: ['drafts', 'recover'],
  usage: 'drafts recover <草稿编号>',
  summary: '把已损坏的草稿恢复到最近完好的版本（取自它自己的历史版本，存为新版本）',
  positionals: { min: 1, max: 1, names: '<草稿编号>' },
  async run(ctx, { positionals }) {
    const result = await ctx.call('draftsRecover', { id: positionals[0]! });
    ctx.out(`已恢复到第 ${result.restoredRevision} 版的内容（保存为第 ${result.revision} 版）`);
    return 0;
  },
};

export const draftsExport: Command = {
  path: ['drafts', 'export'],
  usage: 'drafts export <草稿编号> --out <文件.zip | 文件.json>',
  summary: '导出草稿数据：.zip 为草稿连同全部附件（用于备份或换电脑）；.json 只含草稿内容、不含附件（原子写入，目标目录必须已存在）',
  options: { out: { type: 'string' } },
  positionals: { min: 1, max: 1, names: '<草稿编号>' },
  async run(ctx, { values, positionals }) {
    const out = values.out;
    if (typeof out !== 'string' || out.trim() === '') throw badInput('缺少 --out <文件.zip>');
    const target = await checkOutputPath(out);
    if (/\.json$/i.test(target)) {
      const exported = await ctx.call('draftsExport', { id: positionals[0]! });
      await atomicWriteFile(target, exported.content);
      ctx.out(`已导出到 ${target}（只含草稿内容，不含附件；要连同附件请导出为 .zip）`);
      return 0;
    }
    const archive = await ctx.call('draftsExportArchive', { id: positionals[0]! });
    await atomicWriteFile(target, Buffer.from(archive.base64, 'base64'));
    ctx.out(`已导出到 ${target}（草稿及 ${archive.attachmentCount} 个附件）`);
    if (archive.missing.length > 0) ctx.out(`注意：${archive.missing.length} 个附件的文件在本机已缺失，未能带上：${archive.missing.join('、')}`);
    return 0;
  },
};

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** A 草稿数据文件 is told by its first bytes, not its name: a renamed file still imports the right way. */
async function isZip(path: string): Promise<boolean> {
  try {
    const handle = await open(path, 'r');
    try {
      const head = Buffer.alloc(4);
      const { bytesRead } = await handle.read(head, 0, 4, 0);
      return bytesRead === 4 && head.equals(ZIP_MAGIC);
    } finally {
      await handle.close();
    }
  } catch {
    // Unreadable: the text reader below reports why, in its own words.
    return false;
  }
}

export const draftsImport: Command = {
  path: ['drafts', 'import'],
  usage: 'drafts import <文件.zip | 文件.json>',
  summary: '导入草稿数据文件（.zip，连同附件，逐个核对校验值）或草稿 JSON 文件；文件损坏或格式不符时不写入任何内容',
  positionals: { min: 1, max: 1, names: '<文件>' },
  async run(ctx, { positionals }) {
    const path = positionals[0]!;
    if (await isZip(path)) {
      const bytes = await readBinaryFile(path, '草稿数据文件', DRAFT_ARCHIVE_MAX_BYTES);
      const stored = await ctx.call('draftsImportArchive', { base64: bytes.toString('base64') });
      ctx.out(`已导入草稿 ${stored.draft.id}（连同 ${stored.attachmentCount} 个附件）`);
      if (stored.missing.length > 0) ctx.out(`注意：文件中没有带上 ${stored.missing.length} 个附件（${stored.missing.join('、')}），请重新添加`);
      return 0;
    }
    const content = await readTextFile(path, '草稿文件');
    // Checked here first so the user learns the line of a syntax error; the service validates the rest.
    parseJsonText(content, '草稿文件');
    const stored = await ctx.call('draftsImport', { content });
    ctx.out(`已导入草稿 ${stored.draft.id}`);
    return 0;
  },
};
