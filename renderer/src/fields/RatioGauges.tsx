import { Progress, Typography } from 'antd';
import { useAppStore } from '../store';
import { ratioGauges } from './budget';

/** The self-funding ratio against what the program's applicable rules require, computed exactly. */
export function RatioGauges() {
  const resolved = useAppStore((s) => s.resolved);
  const draft = useAppStore((s) => s.current?.draft);
  if (!draft) return null;
  const gauges = ratioGauges(resolved, draft);
  if (gauges.length === 0) return null;
  return (
    <div className="ratio-gauges" aria-label="自筹比例">
      {gauges.map((g) => (
        <div key={g.ruleId} className="ratio-gauge" data-rule={g.ruleId} data-ok={g.ok}>
          <Progress type="dashboard" size={96} percent={g.percent} status={g.ok ? 'success' : 'exception'} format={() => (g.ok ? '达标' : '未达标')} />
          <div>
            <Typography.Text strong>自筹比例</Typography.Text>
            <div data-testid="ratio-actual">当前：{g.actual}</div>
            <div>要求：{g.required}</div>
          </div>
        </div>
      ))}
    </div>
  );
}
