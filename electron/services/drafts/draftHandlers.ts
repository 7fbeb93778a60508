import type { Draft } from '../../../shared/model/draft';
import type { SaveResult } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import { blockingCount, describeBlocking, type ValidationSummary } from '../../../shared/rules/engine';
import type { DraftService } from './draftService';

export interface StatusHandlerDeps {
  drafts: DraftService;
  /** The same full check `drafts:validate` answers (registry pack, other drafts of the store, attachment files). */
  validate: (id: string) => { summary: ValidationSummary };
}

/**
 * 定稿 / 解锁 and revision history. Finalizing is decided here, in the services, so no client
 * (renderer, CLI, a hand-made HTTP call) can lock a draft whose errors are unresolved.
 */
export function createStatusHandlers({ drafts, validate }: StatusHandlerDeps) {
  return {
    draftsSetStatus: (input: { id: string; status: Draft['status'] }): SaveResult => {
      const stored = drafts.get(input.id);
      if (stored.deletedAt !== null) throw new AppError('locked', '草稿在回收站中，恢复后才能操作');
      // Asking for the state it is already in changes nothing and writes no revision.
      if (stored.draft.status === input.status) return { revision: stored.revision, savedAt: stored.draft.updatedAt };
      if (input.status === 'final') {
        if (!stored.draft.guideline) throw new AppError('locked', '草稿尚未选择申报指南和专项，不能定稿');
        const { summary } = validate(input.id);
        if (blockingCount(summary) > 0) {
          throw new AppError('locked', `还有 ${describeBlocking(summary)}，不能定稿；请在问题清单中逐项处理（警告和提示不影响定稿）`);
        }
      }
      return drafts.setStatus({ id: input.id, status: input.status, expectedRevision: stored.revision });
    },
    draftsRevisionGet: (input: { id: string; revision: number }): Draft => drafts.revision(input.id, input.revision),
    draftsRevisionRestore: (input: { id: string; revision: number }): SaveResult => drafts.restoreRevision(input.id, input.revision),
  };
}
