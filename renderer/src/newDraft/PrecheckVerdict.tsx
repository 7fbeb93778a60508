import { Alert, List, Typography } from 'antd';
import type { PrecheckResult } from '../../../shared/precheck';

const ALERT_TYPE = { eligible: 'success', ineligible: 'error', caution: 'warning' } as const;

/** The verdict with each failing rule's message and its citation (clause path and verbatim quote). */
export function PrecheckVerdict({ result }: { result: PrecheckResult }) {
  return (
    <div className="precheck-verdict" data-testid="precheck-verdict">
      <Alert
        type={ALERT_TYPE[result.verdict]}
        showIcon
        message={<strong>预审结论：{result.label}</strong>}
        description={
          result.verdict === 'ineligible'
            ? '你仍可以继续起草，但这些错误不消除，定稿和生成最终申报材料将被阻止。'
            : result.verdict === 'eligible'
              ? '已检查的硬性条件均满足。其余要求会在填写过程中逐项检查。'
              : undefined
        }
      />
      {result.failures.length > 0 && (
        <List
          className="precheck-failures"
          header={<strong>不符合的条件</strong>}
          dataSource={result.failures}
          renderItem={(f) => (
            <List.Item key={f.ruleId}>
              <div>
                <Typography.Text type="danger">{f.message}</Typography.Text>
                <div className="precheck-citation">
                  依据：{f.citation.document}「{f.citation.clause}」
                  {f.citation.quote && <blockquote className="precheck-quote">{f.citation.quote}</blockquote>}
                </div>
              </div>
            </List.Item>
          )}
        />
      )}
      {result.cautions.length > 0 && (
        <List size="small" header={<strong>需注意</strong>} dataSource={result.cautions} renderItem={(c) => <List.Item>{c}</List.Item>} />
      )}
    </div>
  );
}
