import { Empty, List, Tag, Typography } from 'antd';
import type { RuleResult } from '../../../shared/rules/types';
import { OUTCOME_LABEL, SEVERITY_LABEL } from './outcomeLabels';

interface Props {
  results: RuleResult[];
}

/** The rules checked in a section and what each says about the draft right now. */
export function RuleResultList({ results }: Props) {
  if (results.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="本部分没有需要检查的规则" />;
  return (
    <List
      size="small"
      className="guidance-rules"
      dataSource={results}
      renderItem={(r) => (
        <List.Item key={r.ruleId} data-rule={r.ruleId} data-outcome={r.outcome}>
          <div>
            <Tag color={OUTCOME_LABEL[r.outcome].color}>{OUTCOME_LABEL[r.outcome].text}</Tag>
            {r.outcome === 'fail' && <Tag color={SEVERITY_LABEL[r.severity].color}>{SEVERITY_LABEL[r.severity].text}</Tag>}
            <Typography.Text type={r.outcome === 'notApplicable' ? 'secondary' : undefined}>{r.message}</Typography.Text>
            <div>
              <Typography.Text type="secondary" className="guidance-source">
                依据：{r.citation.clause}
              </Typography.Text>
            </div>
          </div>
        </List.Item>
      )}
    />
  );
}
