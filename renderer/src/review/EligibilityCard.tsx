import { Alert, Card, List, Tag, Typography } from 'antd';
import type { ResolvedProgram } from '../../../shared/pack/resolve';
import type { RuleResult } from '../../../shared/rules/types';
import { OUTCOME_LABEL } from '../guidance/outcomeLabels';
import { eligibilityVerdict } from './eligibility';

interface Props {
  resolved: ResolvedProgram;
  results: RuleResult[];
}

/** 申报资格: can this applicant apply to this program at all. */
export function EligibilityCard({ resolved, results }: Props) {
  const verdict = eligibilityVerdict(resolved, results);
  return (
    <Card size="small" title="申报资格" className="review-card" data-testid="review-eligibility">
      {verdict.kind === 'none' ? (
        <Alert type="info" showIcon message="本专项没有可自动判断的资格条件，请对照指南自行确认" />
      ) : verdict.kind === 'unknown' ? (
        <Alert type="info" showIcon message={`尚不能判断申报资格：${verdict.pending.length} 项资格条件缺少所需内容，请先填写`} />
      ) : verdict.kind === 'eligible' ? (
        <Alert type="success" showIcon message={`符合申报资格：${verdict.checked.length} 项资格条件均已满足`} />
      ) : (
        <Alert type="error" showIcon message={`不符合申报资格：${verdict.failed.length} 项资格条件未满足`} />
      )}
      {verdict.kind !== 'none' && (
        <List
          size="small"
          dataSource={verdict.checked}
          renderItem={(r) => (
            <List.Item key={r.ruleId} data-rule={r.ruleId}>
              <div>
                <Tag color={OUTCOME_LABEL[r.outcome].color}>{OUTCOME_LABEL[r.outcome].text}</Tag>
                <Typography.Text>{r.message}</Typography.Text>
                <div>
                  <Typography.Text type="secondary" className="review-cite">
                    《{r.citation.document}》{r.citation.clause}
                  </Typography.Text>
                </div>
              </div>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
