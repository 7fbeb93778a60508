import { Typography } from 'antd';
import type { RuleResult } from '../../../shared/rules/types';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../store';

const EMPTY: RuleResult[] = [];

/** Results a field shows: failures of rules pointing at it (or at a row/cell of it) and met priorities. */
export function useFieldResults(fieldId: string): RuleResult[] {
  return useAppStore(
    useShallow((s) => {
      const mine = s.issues.filter((r) => r.field === fieldId || (r.field?.startsWith(`${fieldId}.`) ?? false) || (r.field?.startsWith(`${fieldId}[`) ?? false));
      return mine.length === 0 ? EMPTY : mine;
    }),
  );
}

const CLASS = { error: 'field-result-error', warning: 'field-result-warning', info: 'field-result-info' } as const;
const LABEL = { error: '错误', warning: '警告', info: '符合优先支持' } as const;

/** Under the field: each result in its colour, with the clause it comes from and the verbatim quote on demand. */
export function FieldResults({ results }: { results: RuleResult[] }) {
  if (results.length === 0) return null;
  return (
    <ul className="field-results" aria-live="polite">
      {results.map((r) => (
        <li key={r.ruleId} className={`field-result ${CLASS[r.severity]}`} data-rule={r.ruleId} data-severity={r.severity}>
          <span className="field-result-tag">{LABEL[r.severity]}</span>
          <span className="field-result-message">{r.message}</span>
          <details className="field-result-citation">
            <summary>
              依据：{r.citation.document}
              {r.citation.clause}
            </summary>
            <Typography.Paragraph className="field-result-quote">{r.citation.quote}</Typography.Paragraph>
          </details>
        </li>
      ))}
    </ul>
  );
}
