import { atomicWriteFile } from '../../services/fs/atomicWrite';
import { badInput } from '../errors';
import { checkOutputPath, parseJsonText, readTextFile } from '../files';
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
  usage: 'drafts export <草稿编号> --out <文件.json>',
  summary: '把草稿导出为 JSON 文件（原子写入，目标目录必须已存在）',
  options: { out: { type: 'string' } },
  positionals: { min: 1, max: 1, names: '<草稿编号>' },
  async run(ctx, { values, positionals }) {
    const out = values.out;
    if (typeof out !== 'string' || out.trim() === '') throw badInput('缺少 --out <文件.json>');
    const target = await checkOutputPath(out);
    const exported = await ctx.call('draftsExport', { id: positionals[0]! });
    await atomicWriteFile(target, exported.content);
    ctx.out(`已导出到 ${target}`);
    return 0;
  },
};

export const draftsImport: Command = {
  path: ['drafts', 'import'],
  usage: 'drafts import <文件.json>',
  summary: '从 JSON 文件导入草稿（文件损坏或格式不符时不写入任何内容）',
  positionals: { min: 1, max: 1, names: '<文件.json>' },
  async run(ctx, { positionals }) {
    const content = await readTextFile(positionals[0]!, '草稿文件');
    // Checked here first so the user learns the line of a syntax error; the service validates the rest.
    parseJsonText(content, '草稿文件');
    const stored = await ctx.call('draftsImport', { content });
    ctx.out(`已导入草稿 ${stored.draft.id}`);
    return 0;
  },
};
