import type { ExportBlocker, ExportReadiness } from '../../../../shared/ipc/domains/export.contract';
import { DOCUMENT_NAME } from '../../../../shared/model/draft';
import { blockingCount, isBlocking } from '../../../../shared/rules/engine';
import type { ExportSubject } from './types';

/**
 * What stops a submission package: every blocking result of the one list (待填写, 无法检查, 错误), and a program that is not
 * accepting applications (本次暂不受理) even when the pack has no rule saying so.
 */
export function readinessOf(subject: ExportSubject): ExportReadiness {
  const blockers: ExportBlocker[] = subject.validation.results
    .filter(isBlocking)
    .map((r) => ({ ruleId: r.ruleId, field: r.field, section: r.section, message: r.message }));
  const program = subject.resolved.program;
  const acceptingRuleFailed = blockers.some((b) => subject.validation.results.find((r) => r.ruleId === b.ruleId)?.kind === 'programAccepting');
  if (!program.accepting && !acceptingRuleFailed) {
    blockers.unshift({
      ruleId: 'program',
      field: null,
      section: null,
      message: `「${program.name}」本次暂不受理${program.notAcceptingReason ? `：${program.notAcceptingReason}` : ''}，不能生成申报包`,
    });
  }
  return {
    ready: blockers.length === 0,
    blockers,
    summary: subject.validation.summary,
    documentName: DOCUMENT_NAME[subject.resolved.documentType],
    watermark: blockingCount(subject.validation.summary) > 0 || subject.draft.status !== 'final',
  };
}

/** One Chinese paragraph for errors and the CLI: how many things block, and the first few. */
export function describeBlockers(readiness: ExportReadiness, limit = 5): string {
  const list = readiness.blockers.slice(0, limit).map((b, i) => `${i + 1}. ${b.message}`);
  const more = readiness.blockers.length > limit ? `；另有 ${readiness.blockers.length - limit} 项` : '';
  return `草稿还有 ${readiness.blockers.length} 项必须修改的问题，不能生成申报包：${list.join('；')}${more}`;
}
