import type { StoredDraft } from '../../../shared/ipc/contract';
import type { ResolvedProgram } from '../../../shared/pack/resolve';
import type { RuleResult } from '../../../shared/rules/types';
import { useAppStore } from '../store';

/**
 * What the guidance, issues, review and history components need from the wizard's slices.
 * Read defensively until the wizard/validation slices land, so these components render
 * (empty) in any store shape.
 */
interface WizardFields {
  resolved?: ResolvedProgram | null;
  validation?: { results?: RuleResult[] | null; resolved?: ResolvedProgram | null } | null;
  results?: RuleResult[] | null;
  goToField?: (fieldPath: string) => void;
}

const EMPTY: RuleResult[] = [];

export function useOpenDraft(): StoredDraft | null {
  return useAppStore((s) => s.current);
}

export function useResolvedProgram(): ResolvedProgram | null {
  return useAppStore((s) => {
    const w = s as unknown as WizardFields;
    return w.resolved ?? w.validation?.resolved ?? null;
  });
}

export function useRuleResults(): RuleResult[] {
  return useAppStore((s) => {
    const w = s as unknown as WizardFields;
    return w.validation?.results ?? w.results ?? EMPTY;
  });
}

export function goToField(fieldPath: string): void {
  const w = useAppStore.getState() as unknown as WizardFields;
  w.goToField?.(fieldPath);
}
