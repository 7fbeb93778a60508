import { Typography } from 'antd';
import type { RuleResult } from '../../../shared/rules/types';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../store';

const EMPTY: RuleResult[] = [];

/**
 * Results a field shows, from the one result list: failures of rules pointing at it (or at a
 * row/cell of it), rules waiting for it, and met priorities. An empty required field's own 待填写
 * is not repeated under it (its required mark and the section count say it); a 待填写 cell is shown.
 */
export function useFieldResults(fieldId: string): RuleResult[] {
  return useAppStore(
    useShallow((s) => {
      const mine = s.issues.filter((r) => {
        const at = r.field === fieldId || (r.field?.startsWith(`${fieldId}.`) ?? false) || (r.field?.startsWith(`${fieldId}[`) ?? false);
        return at && !(r.outcome === 'fail' && r.severity === 'incomplete' && r.field === fieldId);
      });
      return mine.length === 0 ? EMPTY : mine;
    }),
  );
}

/** Whether the one list has an error at this field (its input turns red). */
export function useFieldHasError(fieldId: string): boolean {
  return useAppStore((s) => s.issues.some((r) => r.outcome === 'fail' && r.severity === 'error' && r.field === fieldId));
}

const CLASS = { incomplete: 'field-result-incomplete', error: 'field-result-error', warning: 'field-result-warning', info: 'field-result-info' } as const;
const LABEL = { incomplete: '待填写', error: '错误', warning: '警告', info: '符合优先支持' } as const;

/** Under the field: each result in its colour, with the clause it comes from and the verbatim quote on demand. */
export function FieldResults({ results }: { results: RuleResult[] }) {
  if (results.length === 0) return null;
  return (
    <ul className="field-results" aria-live="polite">
      {results.map((r) => (
        <li key={r.ruleId} className={`field-result ${CLASS[r.severity]}`} data-rule={r.ruleId} data-severity={r.severity}>
          <span className="field-result-tag">{r.outcome === 'pending' ? '无法检查' : LABEL[r.severity]}</span>
          <span className="field-result-message">{r.message}</span>
          <details className="field-result-citation">
            <summary>
              依据：{r.citation.document}
              {r.citation.clause}
              {r.citation.source === 'form' ? '（申报书表单要求）' : ''}
            </summary>
            <Typography.Paragraph className="field-result-quote">{r.citation.quote}</Typography.Paragraph>
          </details>
        </li>
      ))}
    </ul>
  );
}
