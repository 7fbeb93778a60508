import path from 'node:path';
import type { Command } from '../registry';
import { badInput, EXIT } from '../errors';
import { checkOutputPath, parseJsonText, readBinaryFile, readTextFile } from '../files';

/** Notices are short documents; a bigger file is not a notice. */
const MAX_NOTICE_BYTES = 20 * 1024 * 1024;

/** The pack checks and the studio are loaded only when these commands run. */
const studio = () => import('../../../shared/studio/studioFile');

export const guidelinesDraft: Command = {
  path: ['guidelines', 'draft'],
  usage: 'guidelines draft <通知.txt|.docx|.pdf> --out <草稿.json> [--id <指南包编号>] [--pack-dir <目录>]',
  summary: '从申报通知原文生成指南草稿：条款树、建议的规则（含原文引文和理由）、未识别的要求，以及可供指南工作台打开的草稿指南包',
  options: { out: { type: 'string' }, id: { type: 'string' }, 'pack-dir': { type: 'string' } },
  positionals: { min: 1, max: 1, names: '<通知文件>' },
  async run(ctx, { values, positionals }) {
    const noticePath = positionals[0] ?? '';
    if (typeof values.out !== 'string' || values.out.trim() === '') throw badInput('请用 --out 指定草稿文件的保存位置');
    const id = typeof values.id === 'string' ? values.id : undefined;
    if (id !== undefined && !/^[a-z0-9][a-z0-9-]*$/.test(id)) throw badInput('--id 只能由小写字母、数字和连字符组成');
    const out = await checkOutputPath(values.out);
    // --pack-dir also writes the draft pack as pack.json + source.txt, the pair `guidelines import` takes.
    const packDir = typeof values['pack-dir'] === 'string' ? path.dirname(await checkOutputPath(path.join(values['pack-dir'], 'pack.json'))) : null;
    const bytes = await readBinaryFile(noticePath, '通知文件', MAX_NOTICE_BYTES);
    const { noticeTextOf } = await import('../../services/studio/readNotice');
    let text: string;
    try {
      text = await noticeTextOf(noticePath, bytes);
    } catch (e) {
      throw badInput(e instanceof Error ? e.message : '无法读取通知文件');
    }
    const { draftFromNotice } = await studio();
    const draft = draftFromNotice(path.basename(noticePath), text, id ? { id } : {});
    const { atomicWriteFileSync } = await import('../../services/fs/atomicWrite');
    atomicWriteFileSync(out, `${JSON.stringify(draft, null, 2)}\n`, 0o644);
    if (packDir !== null) {
      atomicWriteFileSync(path.join(packDir, 'source.txt'), draft.notice.text, 0o644);
      atomicWriteFileSync(path.join(packDir, 'pack.json'), `${JSON.stringify(draft.pack, null, 2)}\n`, 0o644);
    }
    const count = (kind: string): number => draft.proposals.filter((p) => p.kind === kind).length;
    const rules = draft.proposals.length - count('declaration') - count('attachment');
    ctx.out(`已生成指南草稿：${out}`);
    if (packDir !== null) ctx.out(`  草稿指南包：${path.join(packDir, 'pack.json')}（原文 source.txt 在同一目录）`);
    ctx.out(`  条款 ${draft.clauses.length} 条；建议规则 ${rules} 条、承诺 ${count('declaration')} 项、附件 ${count('attachment')} 项；未识别的要求 ${draft.unrecognized.length} 条（已列入草稿，待逐条处理）`);
    // What the pack leaves to the user (unrecognized, or proposals that could not become rules) is named, not only counted.
    const pending = draft.pack.clauses.filter((c) => c.coverage.kind === 'notCheckable' && c.coverage.reason.startsWith('尚未处理'));
    if (pending.length > 0) {
      ctx.out(`  尚未处理的条款 ${pending.length} 条：`);
      for (const c of pending) ctx.out(`    ${c.path}「${Array.from(c.quote.replace(/\s+/g, ' ')).slice(0, 40).join('')}」：${c.coverage.kind === 'notCheckable' ? c.coverage.reason.replace(/^尚未处理：/, '') : ''}`);
    }
    // The programs the outline gave, so a notice with several 专项 is seen to be read as several.
    ctx.out(`  专项 ${draft.pack.programs.length} 个：${draft.pack.programs.map((p) => `${p.name}（支持方向 ${p.directions.length} 个）`).join('；')}`);
    const problems = await packProblems(JSON.stringify(draft.pack), draft.notice.text);
    if (problems.length === 0) ctx.out('  草稿中的指南包通过了导入检查（模式、引文、语义）；规则仍须逐条核对后才能使用');
    else {
      ctx.out(`  草稿中的指南包有 ${problems.length} 处问题：`);
      for (const p of problems) ctx.out(`    ${p}`);
    }
    return EXIT.ok;
  },
};

/** Every problem the import would report (schema, verbatim quotes, semantics), or none. */
async function packProblems(packJson: string, sourceText: string, label?: string): Promise<string[]> {
  const { loadPackFromText, PackError } = await import('../../services/packs/loadPack');
  try {
    loadPackFromText(packJson, sourceText, label);
    return [];
  } catch (e) {
    if (e instanceof PackError) return e.problems;
    throw e;
  }
}

export const guidelinesCheck: Command = {
  path: ['guidelines', 'check'],
  usage: 'guidelines check <pack.json|草稿.json> [--source <原文.txt>]',
  summary: '按导入时的全部规则检查指南包或指南草稿（模式、引文是否出自原文、语义），逐条列出问题及其位置；不安装任何内容',
  options: { source: { type: 'string' } },
  positionals: { min: 1, max: 1, names: '<文件>' },
  async run(ctx, { values, positionals }) {
    const file = positionals[0] ?? '';
    const text = await readTextFile(file, '指南包文件');
    const raw = parseJsonText(text, '指南包文件') as { format?: unknown; source?: { file?: unknown } } | null;
    const { STUDIO_FORMAT, StudioDraftEnvelopeSchema } = await studio();
    let problems: string[];
    let what: string;
    if (raw !== null && typeof raw === 'object' && raw.format === STUDIO_FORMAT) {
      const envelope = StudioDraftEnvelopeSchema.safeParse(raw);
      if (!envelope.success) throw badInput('指南草稿文件不完整：缺少通知原文或草稿指南包');
      what = '指南草稿中的指南包';
      problems = await packProblems(JSON.stringify(envelope.data.pack), envelope.data.notice.text, what);
    } else {
      const named = typeof values.source === 'string' ? values.source : typeof raw?.source?.file === 'string' ? path.join(path.dirname(file), path.basename(raw.source.file)) : null;
      if (named === null) throw badInput('指南包没有写明原文文件（source.file），请用 --source 指定原文文件');
      what = '指南包';
      problems = await packProblems(text, await readTextFile(named, '指南原文文件'));
    }
    if (problems.length === 0) {
      ctx.out(`检查通过：${what}符合导入要求（模式、引文、语义）`);
      return EXIT.ok;
    }
    ctx.out(`检查未通过：${what}有 ${problems.length} 处问题`);
    for (const p of problems) ctx.out(`  ${p}`);
    return EXIT.failed;
  },
};
