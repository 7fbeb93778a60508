import { Checkbox, Typography } from 'antd';
import type { Declaration } from '../../../shared/pack/pack';
import { evalCondition } from '../../../shared/rules/condition';
import { useAppStore } from '../store';

/** 承诺 checkboxes, each with the clause it stands for; ones whose condition does not hold are not asked. */
export function DeclarationItem({ declaration }: { declaration: Declaration }) {
  const ticked = useAppStore((s) => s.current?.draft.declarations[declaration.id] === true);
  const applies = useAppStore((s) => (s.current && declaration.when ? evalCondition(declaration.when, s.current.draft) : true));
  const readOnly = useAppStore((s) => s.current?.draft.status === 'final');
  const clause = useAppStore((s) => s.pack?.clauses.find((c) => c.id === declaration.clause));
  const edit = useAppStore((s) => s.edit);
  if (!applies) return null;
  return (
    <div className="declaration-item">
      <Checkbox checked={ticked} disabled={readOnly} onChange={(e) => edit([{ target: 'declarations', id: declaration.id, value: e.target.checked }])}>
        {declaration.text}
      </Checkbox>
      {clause && (
        <details className="declaration-citation">
          <summary>依据：{clause.path}</summary>
          <Typography.Paragraph className="field-result-quote">{clause.quote}</Typography.Paragraph>
        </details>
      )}
    </div>
  );
}
