import { existsSync } from 'node:fs';
import { chinaToday, isValidDate } from '../../../shared/dates';
import { isAppError } from '../../../shared/ipc/errors';
import { DraftSchema, draftTitle, type Draft } from '../../../shared/model/draft';
import { LIMITS } from '../../../shared/model/limits';
import { parseSafeJson } from '../../../shared/model/safeJson';
import type { AttachmentFact, RuleResult } from '../../../shared/rules/types';
import { otherDraftsFrom } from '../../../shared/rules/otherDrafts';
import { validateWithRegistry, type DraftValidation } from '../../services/packs/validation';
import { draftFileAttachmentFacts } from '../draftFileAttachments';
import { EXIT, badInput } from '../errors';
import { readTextFile } from '../files';
import type { Command } from '../registry';
import type { PackRegistry } from '../../services/packs/registry';
import { packsFor } from './packsForCli';

import { blockingCount } from '../../../shared/rules/engine';
import { completionOf } from '../../../shared/progress/sectionStatuses';
import { SEVERITY_LABELS } from '../../../shared/rules/types';
import { describeZodError } from '../../../shared/validation/formatIssues';

type FileReport =
  | { file: string; ok: true; draftId: string; title: string; validation: DraftValidation }
  | { file: string; ok: false; error: string };

export async function readDraft(file: string): Promise<Draft> {
  const text = await readTextFile(file, '草稿文件');
  let raw: unknown;
  try {
    raw = parseSafeJson(text, { label: '草稿文件', maxBytes: LIMITS.draftFileBytes });
  } catch (e) {
    throw badInput(e instanceof Error ? e.message : '草稿文件格式已损坏，无法读取');
  }
  const parsed = DraftSchema.safeParse(raw);
  if (!parsed.success) {
    throw badInput(`不符合草稿格式：${describeZodError(parsed.error)}`);
  }
  return parsed.data;
}

function printResult(out: (text: string) => void, r: RuleResult): void {
  const label = r.outcome === 'met' ? '符合' : r.outcome === 'pending' ? '无法检查' : SEVERITY_LABELS[r.severity];
  out(`  ${label}  ${r.ruleId}${r.field ? `  [${r.field}]` : ''}`);
  out(`        ${r.message}`);
  out(`        依据：《${r.citation.document}》${r.citation.clause}${r.citation.quote ? `：「${r.citation.quote}」` : ''}${r.citation.source === 'form' ? '（申报书表单要求）' : ''}`);
}

function printReport(out: (text: string) => void, r: FileReport, registry: PackRegistry, at: string): void {
  out(`== ${r.file} ==`);
  if (!r.ok) {
    out(`  无法检查：${r.error}`);
    return;
  }
  const v = r.validation;
  const pack = registry.get(v.packId, v.packVersion);
  const program = pack?.programs.find((p) => p.id === v.programId);
  out(`${r.title}（${pack?.title ?? v.packId} / ${program?.name ?? v.programId}，指南包 ${v.packVersion} 版，检查日期 ${at}）`);
  if (v.warning) out(`注意：${v.warning}`);
  const s = v.summary;
  out(`完成度 ${completionOf(v.results)}%；待填写 ${s.incomplete} 项，无法检查 ${s.pending} 项，错误 ${s.errors} 项，警告 ${s.warnings} 项，提示 ${s.infos} 项`);
  const rank = (r: RuleResult): number => (r.outcome === 'pending' ? 1 : { incomplete: 0, error: 2, warning: 3, info: 4 }[r.severity]);
  for (const issue of [...v.issues].sort((a, b) => rank(a) - rank(b))) printResult(out, issue);
}

const DRAFT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Batch 形式审查 of draft files and of drafts in this computer's store (by 草稿编号, or --all).
 * Cross-draft rules count the other drafts of the run: the files given, and when the store is
 * read, every draft of the store (each counted once). Exit 2 if any draft could not be checked,
 * else 1 if any draft has something blocking (待填写, 无法检查 or 错误: every missing item is listed), else 0.
 */
export const validate: Command = {
  path: ['validate'],
  usage: 'validate <草稿.json | 草稿编号>... | --all [--json] [--at YYYY-MM-DD]',
  summary: '按申报指南检查草稿文件或本机草稿（--all 检查本机全部草稿）（形式审查），列出待填写项、错误、警告和提示及其依据条款',
  options: { json: { type: 'boolean' }, at: { type: 'string' }, all: { type: 'boolean' } },
  positionals: { min: 0, max: 10_000, names: '<草稿.json | 草稿编号>...' },
  async run(ctx, { values, positionals }) {
    const at = typeof values.at === 'string' ? values.at : chinaToday();
    if (!isValidDate(at)) throw badInput(`--at 应为日期 YYYY-MM-DD，收到「${at}」`);
    const registry = packsFor(ctx);

    const all = values.all === true;
    if (!all && positionals.length === 0) throw badInput(`缺少参数 <草稿.json | 草稿编号>...（用法：shenbao ${validate.usage}）`);
    // An argument that names no file but is a 草稿编号 means the draft of that number in this computer's store.
    const ids = positionals.filter((arg) => DRAFT_ID.test(arg) && !existsSync(arg));
    const files = positionals.filter((arg) => !ids.includes(arg));

    const loaded: { file: string; draft?: Draft; error?: string; facts?: Record<string, AttachmentFact> }[] = [];
    for (const file of files) {
      try {
        loaded.push({ file, draft: await readDraft(file) });
      } catch (e) {
        loaded.push({ file, error: isAppError(e) ? e.message : '无法读取' });
      }
    }
    const counted = new Map<string, Draft>();
    for (const l of loaded) if (l.draft) counted.set(l.draft.id, l.draft);
    if (all || ids.length > 0) {
      // The store (SQLite and its services) loads only for this form of the command.
      const { readStoredDrafts } = await import('./storedDrafts');
      const stored = readStoredDrafts(ctx.dataDir, all ? 'all' : ids);
      for (const s of stored.requested) loaded.push({ file: `本机草稿 ${s.id}`, draft: s.draft, error: s.error, facts: s.facts });
      for (const draft of stored.others) counted.set(draft.id, draft);
    }
    const otherDrafts = otherDraftsFrom([...counted.values()], registry.yearOf);

    const check = ({ file, draft, error, facts }: (typeof loaded)[number]): FileReport => {
      if (!draft) return { file, ok: false, error: error ?? '无法读取' };
      try {
        const validation = validateWithRegistry(registry, draft, { today: at, otherDrafts, attachmentFacts: facts ?? draftFileAttachmentFacts(file, draft, ctx.dataDir) });
        return { file, ok: true, draftId: draft.id, title: draftTitle(draft), validation };
      } catch (e) {
        if (isAppError(e)) return { file, ok: false, error: e.message };
        throw e;
      }
    };
    const isBlocked = (r: FileReport): boolean => r.ok && blockingCount(r.validation.summary) > 0;
    let failed = 0;
    let blocked = 0;
    if (values.json === true) {
      const reports = loaded.map(check);
      ctx.out(
        JSON.stringify(
          {
            at,
            files: reports.map((r) =>
              r.ok
                ? {
                    file: r.file,
                    ok: true,
                    draftId: r.draftId,
                    title: r.title,
                    packId: r.validation.packId,
                    packVersion: r.validation.packVersion,
                    programId: r.validation.programId,
                    warning: r.validation.warning,
                    summary: r.validation.summary,
                    completion: completionOf(r.validation.results),
                    issues: r.validation.issues,
                  }
                : r,
            ),
          },
          null,
          2,
        ),
      );
      failed = reports.filter((r) => !r.ok).length;
      blocked = reports.filter(isBlocked).length;
    } else {
      // Each draft's report is printed as soon as it is checked and then dropped: a batch of
      // hundreds of drafts keeps no results in memory. One write per draft, not one per line.
      for (const entry of loaded) {
        const r = check(entry);
        if (!r.ok) failed++;
        if (isBlocked(r)) blocked++;
        const lines: string[] = [];
        printReport((text) => void lines.push(text), r, registry, at);
        ctx.out(lines.join('\n'));
      }
      ctx.out(`共检查 ${loaded.length} 份：${blocked} 份未通过形式审查（有待填写项、无法检查项或错误）${failed > 0 ? `，${failed} 份无法检查` : ''}`);
    }
    if (failed > 0) return EXIT.badInput;
    return blocked > 0 ? EXIT.failed : EXIT.ok;
  },
};
