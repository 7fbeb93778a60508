import { Progress, Typography } from 'antd';
import { ratioStatus } from '../../../shared/derive/ratios';
import type { Rule } from '../../../shared/pack/rules';
import { useAppStore } from '../store';

type RatioRule = Extract<Rule, { kind: 'ratioAtLeast' | 'shareOfTotalAtLeast' }>;

/**
 * The self-funding requirement of each ratio rule the one result list says applies (passed,
 * failed or waiting for the budget), measured by the same shared computation the rule uses.
 */
export function RatioGauges() {
  const resolved = useAppStore((s) => s.resolved);
  const draft = useAppStore((s) => s.current?.draft);
  const results = useAppStore((s) => s.results);
  if (!draft || !resolved) return null;
  const applying = new Set(results.filter((r) => r.outcome !== 'notApplicable').map((r) => r.ruleId));
  const rules = resolved.rules.filter((r): r is RatioRule => (r.kind === 'ratioAtLeast' || r.kind === 'shareOfTotalAtLeast') && applying.has(r.id));
  if (rules.length === 0) return null;
  return (
    <div className="ratio-gauges" aria-label="自筹比例">
      {rules.map((rule) => {
        const g = ratioStatus(rule, draft);
        const required = rule.kind === 'ratioAtLeast' ? `至少 ${g.required}` : `不低于 ${g.required}`;
        return (
          <div key={rule.id} className="ratio-gauge" data-rule={rule.id} data-ok={g.ok}>
            <Progress type="dashboard" size={96} percent={g.percent} status={g.ok ? 'success' : g.actual === null ? 'normal' : 'exception'} format={() => (g.ok ? '达标' : g.actual === null ? '待填写' : '未达标')} />
            <div>
              <Typography.Text strong>自筹比例</Typography.Text>
              <div data-testid="ratio-actual">当前：{g.actual ?? (rule.kind === 'ratioAtLeast' ? '尚未填写财政资金' : '尚未填写预算')}</div>
              <div>要求：{required}</div>
            </div>
          </div>
        );
      })}
    </div>
  );
}
