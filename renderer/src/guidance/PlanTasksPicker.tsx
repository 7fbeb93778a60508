import { Alert, Checkbox, Collapse, Empty, Input, Space, Spin, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { Pack, PlanTask } from '../../../shared/pack/pack';
import { PlanIndicators } from './PlanIndicators';
import { planTaskRef, usePlanPacks } from './usePlanPacks';

interface Props {
  /** The draft's `planTasks`. */
  selected: readonly string[];
  readOnly: boolean;
  onChange: (next: string[]) => void;
}

interface Column {
  key: string;
  column: string;
  title: string;
  tasks: PlanTask[];
}

function columnsOf(plan: Pack, query: string): Column[] {
  const columns = new Map<string, Column>();
  for (const task of plan.planTasks ?? []) {
    const hit = query === '' || task.text.includes(query) || task.columnTitle.includes(query) || task.column.includes(query);
    if (!hit) continue;
    const key = `${plan.id}:${task.column}`;
    const column = columns.get(key) ?? { key, column: task.column, title: task.columnTitle, tasks: [] };
    column.tasks.push(task);
    columns.set(key, column);
  }
  return [...columns.values()];
}

/** The tasks of installed plans, grouped by 专栏 and searchable; ticking one records that the project supports it. */
export function PlanTasksPicker({ selected, readOnly, onChange }: Props) {
  const { plans, loading, error } = usePlanPacks();
  const [query, setQuery] = useState('');
  const chosen = useMemo(() => new Set(selected), [selected]);
  // 专栏 holding ticked tasks start open, so the applicant sees what the draft already claims.
  const [openKeys, setOpenKeys] = useState<string[] | null>(null);
  const trimmed = query.trim();

  if (loading) return <Spin size="small" />;
  if (error) return <Alert type="warning" showIcon message={error} />;
  if (plans.length === 0) return <Empty description="本机没有安装地方科技规划" />;

  const toggle = (ref: string, on: boolean): void => {
    onChange(on ? [...selected.filter((r) => r !== ref), ref] : selected.filter((r) => r !== ref));
  };

  return (
    <div className="plan-tasks" data-testid="plan-tasks">
      <Input.Search allowClear placeholder="搜索规划任务，如：节水、中医药" value={query} onChange={(e) => setQuery(e.target.value)} aria-label="搜索规划任务" />
      {plans.map((plan) => {
        const columns = columnsOf(plan, trimmed);
        const tickedKeys = columns.filter((c) => c.tasks.some((t) => chosen.has(planTaskRef(plan.id, t.id)))).map((c) => c.key);
        const open = openKeys ? openKeys.filter((k) => k.startsWith(`${plan.id}:`)) : tickedKeys;
        const count = (plan.planTasks ?? []).filter((t) => chosen.has(planTaskRef(plan.id, t.id))).length;
        return (
          <div key={plan.id} className="plan-tasks-plan">
            <Typography.Text strong>
              {plan.title}
              {count > 0 && <Tag className="plan-tasks-count">已选 {count} 项</Tag>}
            </Typography.Text>
            {columns.length === 0 ? (
              <Typography.Paragraph type="secondary">没有匹配的任务</Typography.Paragraph>
            ) : (
              <Collapse
                size="small"
                // While searching, the matches are shown open.
                activeKey={trimmed !== '' ? columns.map((c) => c.key) : open}
                onChange={(keys) => {
                  if (trimmed !== '') return;
                  const mine = Array.isArray(keys) ? keys : [keys];
                  // Keys are prefixed with the plan id: keep the other plans' open 专栏.
                  setOpenKeys((prev) => [...(prev ?? []).filter((k) => !k.startsWith(`${plan.id}:`)), ...mine]);
                }}
                items={columns.map((c) => {
                  const ticked = c.tasks.filter((t) => chosen.has(planTaskRef(plan.id, t.id))).length;
                  return {
                    key: c.key,
                    label: (
                      <Space size={4}>
                        <span>{`${c.column} ${c.title}`}</span>
                        {ticked > 0 && <Tag color="blue">{ticked}</Tag>}
                      </Space>
                    ),
                    children: c.tasks.map((task) => {
                      const ref = planTaskRef(plan.id, task.id);
                      return (
                        <Checkbox
                          key={task.id}
                          className="plan-task"
                          checked={chosen.has(ref)}
                          disabled={readOnly}
                          onChange={(e) => toggle(ref, e.target.checked)}
                        >
                          <Typography.Paragraph className="plan-task-text" ellipsis={{ rows: 2, expandable: true, symbol: '展开' }}>
                            {task.text}
                          </Typography.Paragraph>
                        </Checkbox>
                      );
                    }),
                  };
                })}
              />
            )}
            <PlanIndicators plan={plan} />
          </div>
        );
      })}
    </div>
  );
}
