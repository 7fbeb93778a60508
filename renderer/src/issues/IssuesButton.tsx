import { Alert, Badge, Button, Drawer, Empty, List, Space, Typography } from 'antd';
import { useMemo, useRef, useState } from 'react';
import type { RuleResult } from '../../../shared/rules/types';
import { sortedIssues, useRuleResults } from '../guidance/useWizardContext';
import { useAppStore } from '../store';
import { IssueItem } from './IssueItem';
import { locateField } from './locateField';
import './issues.css';

/** The groups of the one list: 待填写 and 无法检查 are progress (grey), 错误 is content breaking a rule. */
type Group = 'incomplete' | 'pending' | 'error' | 'warning' | 'info';

const groupOf = (r: RuleResult): Group => (r.outcome === 'pending' && r.severity === 'incomplete' ? 'pending' : r.severity);

const GROUPS: { severity: Group; title: string; note: string }[] = [
  { severity: 'error', title: '错误', note: '错误会阻止定稿和生成正式申报材料，必须修正。' },
  { severity: 'incomplete', title: '待填写', note: '以下必填项尚未填写。填写完整之前不能定稿和生成正式申报材料。' },
  { severity: 'pending', title: '无法检查', note: '以下规则缺少所需内容，暂时无法检查；请先填写所列内容。检查之前不能定稿。' },
  { severity: 'warning', title: '警告', note: '警告不阻止定稿，但请确认是否符合指南要求。' },
  { severity: 'info', title: '提示', note: '以下是本申报符合的优先支持条件。' },
];

/** Always reachable: the error count on a badge (warnings beside it) and a drawer with every issue. */
export function IssuesButton() {
  const [open, setOpen] = useState(false);
  const results = useRuleResults();
  // Whether there is a guideline, not the draft: the badge must not re-render on every edit.
  const hasGuideline = useAppStore((s) => Boolean(s.current?.draft.guideline));
  const issues = useMemo(() => sortedIssues(results), [results]);
  const count = (g: Group): number => issues.filter((i) => groupOf(i) === g).length;
  const errors = count('error');
  const warnings = count('warning');
  const toFill = count('incomplete') + count('pending');

  // The drawer gives focus back to its button as it closes: the jump waits until it has closed.
  const pendingField = useRef<string | null>(null);
  const locate = (field: string): void => {
    pendingField.current = field;
    setOpen(false);
  };
  const afterOpenChange = (visible: boolean): void => {
    const field = pendingField.current;
    pendingField.current = null;
    if (!visible && field) locateField(field);
  };

  const byGroup = (g: Group): RuleResult[] => issues.filter((i) => groupOf(i) === g);

  return (
    <>
      <Space size={4} className="issues-button">
        <Badge count={errors} size="small" showZero={false} title={`${errors} 个错误`}>
          <Button onClick={() => setOpen(true)} data-testid="issues-button" aria-label={`问题清单：${errors} 个错误，${toFill} 项待填写，${warnings} 个警告`}>
            问题清单
          </Button>
        </Badge>
        {toFill > 0 && (
          <Typography.Text type="secondary" className="issues-incomplete-count" data-testid="issues-incomplete-count">
            {toFill} 项待填写
          </Typography.Text>
        )}
        {warnings > 0 && (
          <Typography.Text type="warning" className="issues-warning-count" data-testid="issues-warning-count">
            {warnings} 个警告
          </Typography.Text>
        )}
      </Space>
      <Drawer title="问题清单" open={open} onClose={() => setOpen(false)} width={560} rootClassName="issues-drawer-root" afterOpenChange={afterOpenChange}>
        {!hasGuideline ? (
          <Empty description="这份草稿还没有选择申报指南，暂无可检查的规则" />
        ) : issues.length === 0 ? (
          <Alert type="success" showIcon message="没有待填写项、错误、警告或提示，可以到「审阅与定稿」定稿" />
        ) : (
          GROUPS.map(({ severity, title, note }) => {
            const group = byGroup(severity);
            if (group.length === 0) return null;
            return (
              <section key={severity} className="issues-group" data-group={severity}>
                <Typography.Title level={5} className={`issues-group-title issues-${severity}`}>
                  {title}（{group.length}）
                </Typography.Title>
                <Typography.Paragraph type="secondary">{note}</Typography.Paragraph>
                <List size="small" dataSource={group} renderItem={(issue) => <IssueItem key={issue.ruleId} issue={issue} onLocate={locate} />} />
              </section>
            );
          })
        )}
      </Drawer>
    </>
  );
}
