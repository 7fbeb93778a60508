import { Card, Collapse, Empty, Tag, Typography } from 'antd';
import type { RuleResult } from '../../../shared/rules/types';
import { useResolvedProgram, useRuleResults } from './useWizardContext';

interface Props {
  sectionId: string;
}

const OUTCOME_LABEL: Record<RuleResult['outcome'], { text: string; color: string }> = {
  pass: { text: '通过', color: 'success' },
  fail: { text: '未通过', color: 'error' },
  notApplicable: { text: '不适用', color: 'default' },
  met: { text: '符合', color: 'processing' },
};

/** The guideline beside the work: this section's clauses and the current result of each of its rules. */
export function GuidancePanel({ sectionId }: Props) {
  const resolved = useResolvedProgram();
  const results = useRuleResults().filter((r) => r.section === sectionId);
  if (!resolved) return <Empty description="选择指南和计划类别后，这里显示相关条款" />;
  const section = resolved.sections.find((s) => s.id === sectionId);
  const clauseIds = new Set(section?.clauses ?? []);
  const ruleClauses = new Set(resolved.rules.filter((r) => results.some((x) => x.ruleId === r.id)).map((r) => r.clause));
  const clauses = resolved.pack.clauses.filter((c) => clauseIds.has(c.id) || ruleClauses.has(c.id));
  return (
    <Card size="small" title="指南要求" className="guidance-panel" data-testid="guidance-panel">
      <Collapse
        size="small"
        items={clauses.map((c) => ({
          key: c.id,
          label: c.path,
          children: <Typography.Paragraph className="guidance-quote">{c.quote}</Typography.Paragraph>,
        }))}
      />
      {results.map((r) => (
        <div key={r.ruleId}>
          <Tag color={OUTCOME_LABEL[r.outcome].color}>{OUTCOME_LABEL[r.outcome].text}</Tag>
          <Typography.Text>{r.message}</Typography.Text>
        </div>
      ))}
    </Card>
  );
}
