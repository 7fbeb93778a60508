import { Card, Empty, Typography } from 'antd';
import { formatWan } from '../../../shared/money';
import type { BudgetSplit } from './budgetSplit';

interface Props {
  split: BudgetSplit | null;
}

const LABEL_W = 240;
const BAR_W = 620;
const VALUE_W = 240;
const ROW_H = 30;
const BAR_H = 16;

/** Share of `part` in `whole` as a percentage with one decimal, computed on integers. */
function percent(part: bigint, whole: bigint): string {
  if (whole === 0n) return '0';
  const tenths = (part * 1000n + whole / 2n) / whole;
  return `${tenths / 10n}.${tenths % 10n}`;
}

/** 财政/自筹 per budget category as stacked bars: plain SVG, text rendered as text. */
export function BudgetChart({ split }: Props) {
  const filled = split && split.fiscal + split.selfRaised > 0n;
  if (!split || !filled) {
    return (
      <Card size="small" title="经费预算" className="review-card" data-testid="review-budget">
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未填写经费预算" />
      </Card>
    );
  }
  const max = split.categories.reduce((m, c) => (c.fiscal + c.selfRaised > m ? c.fiscal + c.selfRaised : m), 1n);
  // Widths only: converting to Number here cannot affect any amount shown.
  const width = (v: bigint): number => (Number(v) / Number(max)) * BAR_W;
  const total = split.fiscal + split.selfRaised;
  const height = split.categories.length * ROW_H + 8;
  return (
    <Card size="small" title="经费预算（财政资金 / 自筹资金）" className="review-card" data-testid="review-budget">
      <Typography.Paragraph>
        合计 {formatWan(total)}：财政资金 {formatWan(split.fiscal)}（{percent(split.fiscal, total)}%），自筹资金 {formatWan(split.selfRaised)}（
        {percent(split.selfRaised, total)}%）
      </Typography.Paragraph>
      <svg className="budget-chart" role="img" aria-label="各科目财政资金与自筹资金" viewBox={`0 0 ${LABEL_W + BAR_W + VALUE_W} ${height}`} width="100%">
        {split.categories.map((c, i) => {
          const y = i * ROW_H + 4;
          const fiscalW = width(c.fiscal);
          return (
            <g key={c.key} data-category={c.key}>
              <text x={0} y={y + BAR_H - 3} className="budget-label">
                {c.label}
              </text>
              <rect x={LABEL_W} y={y} width={fiscalW} height={BAR_H} className="budget-fiscal" />
              <rect x={LABEL_W + fiscalW} y={y} width={width(c.selfRaised)} height={BAR_H} className="budget-self" />
              <text x={LABEL_W + BAR_W + 8} y={y + BAR_H - 3} className="budget-value">
                {`${formatWan(c.fiscal)} / ${formatWan(c.selfRaised)}`}
              </text>
            </g>
          );
        })}
      </svg>
      <div className="budget-legend">
        <span className="budget-swatch budget-swatch-fiscal" /> 财政资金
        <span className="budget-swatch budget-swatch-self" /> 自筹资金
      </div>
    </Card>
  );
}
