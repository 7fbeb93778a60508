import type { FieldValue } from '../../../shared/model/draft';
import { useAppStore } from '../store';

/** A value of `draft.values`, its setter, and whether the draft is locked (定稿). */
export function useFieldValue(id: string): { value: FieldValue | undefined; set: (value: FieldValue) => void; readOnly: boolean } {
  const value = useAppStore((s) => s.current?.draft.values[id]);
  const readOnly = useAppStore((s) => s.current?.draft.status === 'final');
  const setField = useAppStore((s) => s.setField);
  return { value, set: (next) => setField(id, next), readOnly };
}

export const textOf = (value: FieldValue | undefined): string => (typeof value === 'string' ? value : value == null ? '' : String(value));

/** The DOM id of a field's input, for <label for>. */
export const inputIdOf = (fieldId: string): string => `field-${fieldId.replace(/[^A-Za-z0-9_-]/g, '-')}`;
