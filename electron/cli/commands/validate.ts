import { chinaToday, isValidDate } from '../../../shared/dates';
import { isAppError } from '../../../shared/ipc/errors';
import { DraftSchema, draftTitle, type Draft } from '../../../shared/model/draft';
import { LIMITS } from '../../../shared/model/limits';
import { parseSafeJson } from '../../../shared/model/safeJson';
import type { RuleResult } from '../../../shared/rules/types';
import { otherDraftsFrom } from '../../../shared/rules/otherDrafts';
import { validateWithRegistry, type DraftValidation } from '../../services/packs/validation';
import { CliError, EXIT, badInput } from '../errors';
import { readTextFile } from '../files';
import type { Command } from '../registry';
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

/**
 * Batch 形式审查 of draft files. Cross-draft rules count the other files of the same run (the
 * files given are the "local store" here). Exit 2 if any file could not be checked, else 1 if
 * any draft has something blocking (待填写, 无法检查 or 错误: every missing item is listed), else 0.
 */
export const validate: Command = {
  path: ['validate'],
  usage: 'validate <草稿.json>... [--json] [--at YYYY-MM-DD]',
  summary: '按申报指南检查一份或多份草稿文件（形式审查），列出待填写项、错误、警告和提示及其依据条款',
  options: { json: { type: 'boolean' }, at: { type: 'string' } },
  positionals: { min: 1, max: 10_000, names: '<草稿.json>...' },
  async run(ctx, { values, positionals }) {
    const at = typeof values.at === 'string' ? values.at : chinaToday();
    if (!isValidDate(at)) throw badInput(`--at 应为日期 YYYY-MM-DD，收到「${at}」`);
    const registry = packsFor(ctx);

    const loaded: { file: string; draft?: Draft; error?: string }[] = [];
    for (const file of positionals) {
      try {
        loaded.push({ file, draft: await readDraft(file) });
      } catch (e) {
        loaded.push({ file, error: e instanceof CliError || isAppError(e) ? e.message : '无法读取' });
      }
    }
    const drafts = loaded.flatMap((l) => (l.draft ? [l.draft] : []));
    const otherDrafts = otherDraftsFrom(drafts, registry.yearOf);

    const reports: FileReport[] = loaded.map(({ file, draft, error }) => {
      if (!draft) return { file, ok: false, error: error ?? '无法读取' };
      try {
        const validation = validateWithRegistry(registry, draft, { today: at, otherDrafts });
        return { file, ok: true, draftId: draft.id, title: draftTitle(draft), validation };
      } catch (e) {
        if (isAppError(e)) return { file, ok: false, error: e.message };
        throw e;
      }
    });

    if (values.json === true) {
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
    } else {
      for (const r of reports) {
        ctx.out(`== ${r.file} ==`);
        if (!r.ok) {
          ctx.out(`  无法检查：${r.error}`);
          continue;
        }
        const v = r.validation;
        const pack = registry.get(v.packId, v.packVersion);
        const program = pack?.programs.find((p) => p.id === v.programId);
        ctx.out(`${r.title}（${pack?.title ?? v.packId} / ${program?.name ?? v.programId}，指南包 ${v.packVersion} 版，检查日期 ${at}）`);
        if (v.warning) ctx.out(`注意：${v.warning}`);
        const s = v.summary;
        ctx.out(`完成度 ${completionOf(v.results)}%；待填写 ${s.incomplete} 项，无法检查 ${s.pending} 项，错误 ${s.errors} 项，警告 ${s.warnings} 项，提示 ${s.infos} 项`);
        const rank = (r: RuleResult): number => (r.outcome === 'pending' ? 1 : { incomplete: 0, error: 2, warning: 3, info: 4 }[r.severity]);
        for (const issue of [...v.issues].sort((a, b) => rank(a) - rank(b))) printResult(ctx.out, issue);
      }
      const failed = reports.filter((r) => !r.ok).length;
      const blocked = reports.filter((r) => r.ok && blockingCount(r.validation.summary) > 0).length;
      ctx.out(`共检查 ${reports.length} 份：${blocked} 份未通过形式审查（有待填写项、无法检查项或错误）${failed > 0 ? `，${failed} 份无法检查` : ''}`);
    }
    if (reports.some((r) => !r.ok)) return EXIT.badInput;
    return reports.some((r) => r.ok && blockingCount(r.validation.summary) > 0) ? EXIT.failed : EXIT.ok;
  },
};
