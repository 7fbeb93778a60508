import { AimOutlined } from '@ant-design/icons';
import { Button, List, Typography } from 'antd';
import { useState } from 'react';
import type { RuleResult } from '../../../shared/rules/types';

interface Props {
  issue: RuleResult;
  onLocate: (field: string) => void;
}

/** One issue: its message with the computed values, its clause (opening to the verbatim quote) and 定位. */
export function IssueItem({ issue, onLocate }: Props) {
  const [quoteOpen, setQuoteOpen] = useState(false);
  const { citation, field } = issue;
  return (
    <List.Item
      className="issue-item"
      data-rule={issue.ruleId}
      data-severity={issue.severity}
      actions={
        field
          ? [
              <Button key="locate" size="small" icon={<AimOutlined />} onClick={() => onLocate(field)} aria-label={`定位到「${issue.message}」对应的填写项`}>
                定位
              </Button>,
            ]
          : []
      }
    >
      <div className="issue-body">
        <Typography.Text className="issue-message">{issue.message}</Typography.Text>
        <div className="issue-citation">
          <Typography.Text type="secondary">依据《{citation.document}》</Typography.Text>
          {citation.quote ? (
            <Button type="link" size="small" className="issue-clause" aria-expanded={quoteOpen} onClick={() => setQuoteOpen((o) => !o)}>
              {citation.clause}
              {quoteOpen ? '（收起原文）' : '（查看原文）'}
            </Button>
          ) : (
            <Typography.Text type="secondary">{citation.clause}</Typography.Text>
          )}
        </div>
        {quoteOpen && <Typography.Paragraph className="issue-quote">{citation.quote}</Typography.Paragraph>}
      </div>
    </List.Item>
  );
}
