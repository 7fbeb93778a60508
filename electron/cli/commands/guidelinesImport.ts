import path from 'node:path';
import type { Command } from '../registry';
import { badInput } from '../errors';
import { readTextFile } from '../files';

/** The source file a pack names (`source.file`), read leniently: the import itself validates everything. */
function sourceFileOf(packJson: string): string | null {
  try {
    const parsed = JSON.parse(packJson) as { source?: { file?: unknown } };
    return typeof parsed.source?.file === 'string' ? parsed.source.file : null;
  } catch {
    return null;
  }
}

export const guidelinesImport: Command = {
  path: ['guidelines', 'import'],
  usage: 'guidelines import <pack.json> [--source <原文.txt>]',
  summary: '导入申报指南包（同目录下须有包中 source.file 指定的原文文件）；校验不通过时不做任何改动',
  options: { source: { type: 'string' } },
  positionals: { min: 1, max: 1, names: '<pack.json>' },
  async run(ctx, { values, positionals }) {
    const packPath = positionals[0] ?? '';
    const packJson = await readTextFile(packPath, '指南包文件');
    const named = typeof values.source === 'string' ? values.source : sourceFileOf(packJson);
    if (named === null) throw badInput('指南包没有写明原文文件（source.file），请用 --source 指定原文文件');
    // The pack names a bare file beside it; a path in the pack must never reach elsewhere.
    const sourcePath = typeof values.source === 'string' ? values.source : path.join(path.dirname(packPath), path.basename(named));
    const sourceText = await readTextFile(sourcePath, '指南原文文件');
    const summary = await ctx.call('guidelinesImport', { packJson, sourceText });
    ctx.out(`已导入申报指南：${summary.title}（${summary.id} ${summary.version} 版，${summary.programs.length} 个专项）`);
    return 0;
  },
};
