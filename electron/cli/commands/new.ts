import { randomUUID } from 'node:crypto';
import { stat } from 'node:fs/promises';
import type { DocumentType, GuidelineRef } from '../../../shared/model/draft';
import type { Direction } from '../../../shared/pack/pack';
import { blankDraft } from '../../services/drafts/draftService';
import { atomicWriteFile } from '../../services/fs/atomicWrite';
import { badInput } from '../errors';
import { checkOutputPath } from '../files';
import type { Command } from '../registry';
import { packsFor } from './packsForCli';
import { DOCUMENT_NAME } from '../../../shared/model/draft';

/** Checks `a/b/c` against the program's tree, naming the first unknown step. */
function directionPath(text: string | undefined, tree: Direction[]): string[] {
  if (text === undefined || text.trim() === '') return [];
  const path = text.split('/').map((s) => s.trim()).filter((s) => s !== '');
  let level: Direction[] | undefined = tree;
  for (const id of path) {
    const node: Direction | undefined = level?.find((d) => d.id === id);
    if (!node) {
      const options = (level ?? []).map((d) => d.id).join('、') || '（无下级方向）';
      throw badInput(`支持方向「${id}」不存在，可选：${options}`);
    }
    level = node.children;
  }
  return path;
}

export const newDraft: Command = {
  path: ['new'],
  usage: 'new --guideline <指南> --program <专项> [--direction <a/b/c>] [--type proposal|application] --out <文件.json>',
  summary: '按申报指南和专项生成一份空白草稿文件（原子写入，不覆盖已有文件）',
  options: { guideline: { type: 'string' }, program: { type: 'string' }, direction: { type: 'string' }, type: { type: 'string' }, out: { type: 'string' } },
  positionals: { min: 0, max: 0, names: '' },
  async run(ctx, { values }) {
    const { guideline, program: programId, out } = values;
    if (typeof guideline !== 'string' || guideline === '') throw badInput('缺少 --guideline <指南>（运行 shenbao guidelines 查看）');
    if (typeof programId !== 'string' || programId === '') throw badInput('缺少 --program <专项>');
    if (typeof out !== 'string' || out.trim() === '') throw badInput('缺少 --out <文件.json>');
    const pack = packsFor(ctx).get(guideline);
    if (!pack) throw badInput(`没有安装申报指南「${guideline}」（运行 shenbao guidelines 查看）`);
    const program = pack.programs.find((p) => p.id === programId);
    if (!program) throw badInput(`申报指南「${pack.title}」中没有专项「${programId}」，可选：${pack.programs.map((p) => p.id).join('、')}`);
    const type = values.type;
    if (type !== undefined && type !== 'proposal' && type !== 'application') throw badInput('--type 只能是 proposal（项目建议书）或 application（申报书）');
    const documentType: DocumentType = (type as DocumentType | undefined) ?? (program.documentTypes.includes('application') ? 'application' : program.documentTypes[0]!);
    if (!program.documentTypes.includes(documentType)) throw badInput(`专项「${program.name}」不接受${DOCUMENT_NAME[documentType]}`);
    const ref: GuidelineRef = {
      packId: pack.id,
      packVersion: pack.version,
      programId: program.id,
      directionPath: directionPath(typeof values.direction === 'string' ? values.direction : undefined, program.directions),
      documentType,
    };
    const target = await checkOutputPath(out);
    if (await stat(target).then(() => true, () => false)) throw badInput(`目标文件已存在：${out}（不会覆盖）`);
    const draft = blankDraft(randomUUID(), new Date().toISOString(), undefined, ref);
    await atomicWriteFile(target, `${JSON.stringify(draft, null, 2)}\n`);
    ctx.out(`已生成空白草稿 ${target}（${pack.title} / ${program.name}）`);
    if (!program.accepting) ctx.out(`注意：该专项${program.notAcceptingReason ?? '本次暂不受理'}`);
    return 0;
  },
};
