import { Badge, Button, Drawer, Empty, List, Tag, Typography } from 'antd';
import { useState } from 'react';
import { issuesOf } from '../../../shared/rules/engine';
import { goToField, useRuleResults } from '../guidance/useWizardContext';

const SEVERITY = { error: { text: '错误', color: 'error' }, warning: { text: '警告', color: 'warning' }, info: { text: '提示', color: 'processing' } } as const;

/** Always-reachable issues: a badge with the error count, and a drawer listing every issue with its citation. */
export function IssuesButton() {
  const [open, setOpen] = useState(false);
  const issues = issuesOf(useRuleResults());
  const errors = issues.filter((i) => i.severity === 'error').length;
  return (
    <>
      <Badge count={errors} size="small">
        <Button onClick={() => setOpen(true)} data-testid="issues-button">
          问题
        </Button>
      </Badge>
      <Drawer title="问题清单" open={open} onClose={() => setOpen(false)} width={520}>
        {issues.length === 0 ? (
          <Empty description="没有发现问题" />
        ) : (
          <List
            dataSource={issues}
            renderItem={(r) => (
              <List.Item
                key={r.ruleId}
                actions={
                  r.field
                    ? [
                        <Button
                          key="go"
                          size="small"
                          onClick={() => {
                            setOpen(false);
                            if (r.field) goToField(r.field);
                          }}
                        >
                          定位
                        </Button>,
                      ]
                    : []
                }
              >
                <List.Item.Meta
                  title={
                    <>
                      <Tag color={SEVERITY[r.severity].color}>{SEVERITY[r.severity].text}</Tag>
                      {r.message}
                    </>
                  }
                  description={<Typography.Text type="secondary">{`${r.citation.document} ${r.citation.clause}`}</Typography.Text>}
                />
              </List.Item>
            )}
          />
        )}
      </Drawer>
    </>
  );
}
