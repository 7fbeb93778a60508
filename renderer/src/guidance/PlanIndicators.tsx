import { Collapse, Table } from 'antd';
import type { Indicator, Pack } from '../../../shared/pack/pack';

const COLUMNS = [
  { title: '类别', dataIndex: 'category', key: 'category', width: 120 },
  { title: '指标', dataIndex: 'name', key: 'name' },
  { title: '单位', dataIndex: 'unit', key: 'unit', width: 70 },
  { title: '2020年基数', dataIndex: 'base2020', key: 'base2020', width: 90 },
  { title: '2025年目标', dataIndex: 'target2025', key: 'target2025', width: 90 },
  { title: '属性', dataIndex: 'nature', key: 'nature', width: 70 },
];

/** The plan's main indicators (基数 and 目标), so 立项依据 can say which of them the project moves. */
export function PlanIndicators({ plan }: { plan: Pack }) {
  const indicators: Indicator[] = plan.indicators ?? [];
  if (indicators.length === 0) return null;
  return (
    <Collapse
      size="small"
      className="plan-indicators"
      items={[
        {
          key: 'indicators',
          label: `规划主要指标（${indicators.length} 项）`,
          children: <Table<Indicator> size="small" rowKey="id" pagination={false} columns={COLUMNS} dataSource={indicators} data-testid="plan-indicators" />,
        },
      ]}
    />
  );
}
