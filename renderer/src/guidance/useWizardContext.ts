import type { StoredDraft } from '../../../shared/ipc/contract';
import type { ResolvedProgram } from '../../../shared/pack/resolve';
import { issuesOf, summarize, type ValidationSummary } from '../../../shared/rules/engine';
import type { RuleResult } from '../../../shared/rules/types';
import { useAppStore } from '../store';

/**
 * What the guidance, issues, review and history components read from the wizard's slices
 * (validationSlice: program and results; wizardSlice: goToField), in one place.
 */
export function useOpenDraft(): StoredDraft | null {
  return useAppStore((s) => s.current);
}

export function useResolvedProgram(): ResolvedProgram | null {
  return useAppStore((s) => s.resolved);
}

/** Every rule's current result for the open draft (pass, fail, met, notApplicable). */
export function useRuleResults(): RuleResult[] {
  return useAppStore((s) => s.results);
}

export function useValidationError(): string | null {
  return useAppStore((s) => s.validationError);
}

/** Failures and met priorities, errors first. */
export function sortedIssues(results: readonly RuleResult[]): RuleResult[] {
  const rank = { error: 0, incomplete: 1, warning: 2, info: 3 } as const;
  return issuesOf(results).sort((a, b) => rank[a.severity] - rank[b.severity]);
}

export function countsOf(results: readonly RuleResult[]): ValidationSummary {
  return summarize(results);
}

export function goToField(fieldPath: string): void {
  useAppStore.getState().goToField(fieldPath);
}

/**
 * Makes sure the draft is open and checked: the review page can be the first screen after a
 * reload. It neither reopens nor re-checks a draft the wizard already has open.
 */
export async function ensureDraftChecked(draftId: string): Promise<void> {
  const store = useAppStore.getState();
  if (store.current?.draft.id !== draftId) await store.openDraft(draftId);
  const now = useAppStore.getState();
  if (now.validationDraftId !== draftId) await now.startValidation(draftId);
}

/** After the stored draft changed under the wizard (restore, 定稿): reload it and check it again in full. */
export async function reloadAndRecheck(): Promise<void> {
  await useAppStore.getState().reloadDraft();
  useAppStore.getState().revalidate();
}
