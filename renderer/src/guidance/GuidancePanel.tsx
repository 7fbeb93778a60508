import { Alert, Card, Collapse, Empty } from 'antd';
import { useMemo } from 'react';
import { ClauseList } from './ClauseList';
import { PlanTasksPicker } from './PlanTasksPicker';
import { RuleResultList } from './RuleResultList';
import { clausesForSection, offersPlanTasks, rulesForSection } from './sectionGuidance';
import { setPlanTasks } from './planTaskEdits';
import { useAppStore } from '../store';
import { useResolvedProgram, useRuleResults, useValidationError } from './useWizardContext';
import './guidance.css';

interface Props {
  sectionId: string;
}

/**
 * The guideline beside the work: the clauses behind this section (verbatim), the current result
 * of each of its rules and, beside 立项依据, the tasks of installed local plans to tick as "supports".
 */
export function GuidancePanel({ sectionId }: Props) {
  // Only what the panel shows of the draft: typing elsewhere in it must not re-render the panel.
  const planTasksSelected = useAppStore((s) => s.current?.draft.planTasks);
  const final = useAppStore((s) => s.current?.draft.status === 'final');
  const resolved = useResolvedProgram();
  const results = useRuleResults();
  const validationError = useValidationError();
  const clauses = useMemo(() => (resolved ? clausesForSection(resolved, sectionId, results) : []), [resolved, sectionId, results]);
  const rules = useMemo(() => rulesForSection(results, sectionId), [results, sectionId]);
  const planTasks = offersPlanTasks(resolved, sectionId);

  const items = [];
  if (resolved) {
    items.push(
      { key: 'clauses', label: `指南条款（${clauses.length}）`, children: <ClauseList clauses={clauses} document={resolved.pack.source.document} /> },
      { key: 'rules', label: `本部分规则（${rules.length}）`, children: <RuleResultList results={rules} /> },
    );
  }
  if (planTasks && planTasksSelected) {
    items.push({
      key: 'plan',
      label: `支撑的规划任务（已选 ${planTasksSelected.length} 项）`,
      children: <PlanTasksPicker selected={planTasksSelected} readOnly={final} onChange={setPlanTasks} />,
    });
  }

  return (
    <Card size="small" title="指南对照" className="guidance-panel" data-testid="guidance-panel">
      {validationError && <Alert type="warning" showIcon message={validationError} className="guidance-alert" />}
      {items.length === 0 ? (
        <Empty description="选择申报指南和专项后，这里显示本部分对应的条款和规则" />
      ) : (
        <Collapse ghost size="small" defaultActiveKey={['clauses', 'rules']} items={items} />
      )}
    </Card>
  );
}
