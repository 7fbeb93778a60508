import { Alert, Card, Empty, Typography } from 'antd';
import { monthIndex, type Schedule } from './schedule';
import { monthsInclusive } from '../../../shared/dates';

interface Props {
  schedule: Schedule;
}

const LABEL_W = 240;
const AXIS_W = 850;
const ROW_H = 26;
const AXIS_H = 22;

/** 进度安排 on the project period: one bar per milestone; a bar outside the period is drawn as a problem. */
export function ScheduleTimeline({ schedule }: Props) {
  const { period, milestones } = schedule;
  const dated = milestones.filter((m) => m.start !== null && m.end !== null);
  if (milestones.length === 0) {
    return (
      <Card size="small" title="进度安排" className="review-card" data-testid="review-schedule">
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未填写进度安排" />
      </Card>
    );
  }
  const months = [...dated.flatMap((m) => [monthIndex(m.start ?? ''), monthIndex(m.end ?? '')]), ...(period ? period.map(monthIndex) : [])];
  const first = Math.min(...months);
  const last = Math.max(...months);
  const span = last - first + 1;
  const x = (month: number): number => LABEL_W + ((month - first) / span) * AXIS_W;
  const height = AXIS_H + milestones.length * ROW_H + 4;
  const outside = milestones.filter((m) => !m.valid).length;

  return (
    <Card size="small" title="进度安排" className="review-card" data-testid="review-schedule">
      <Typography.Paragraph>
        {period ? `项目实施期 ${period[0]} 至 ${period[1]}，共 ${monthsInclusive(period[0], period[1])} 个月；` : '尚未填写项目起止年月；'}
        {`${milestones.length} 个阶段`}
      </Typography.Paragraph>
      {outside > 0 && <Alert type="warning" showIcon className="review-alert" message={`${outside} 个阶段的起止年月不完整、先后颠倒或超出项目实施期`} />}
      {dated.length > 0 && (
        <svg className="schedule-chart" role="img" aria-label="进度安排时间轴" viewBox={`0 0 ${LABEL_W + AXIS_W + 10} ${height}`} width="100%">
          {period && <rect x={x(monthIndex(period[0]))} y={0} width={x(monthIndex(period[1]) + 1) - x(monthIndex(period[0]))} height={height} className="schedule-period" />}
          <text x={LABEL_W} y={14} className="schedule-axis">
            {`${Math.floor(first / 12)}-${String((first % 12) + 1).padStart(2, '0')}`}
          </text>
          <text x={LABEL_W + AXIS_W} y={14} className="schedule-axis" textAnchor="end">
            {`${Math.floor(last / 12)}-${String((last % 12) + 1).padStart(2, '0')}`}
          </text>
          {milestones.map((m, i) => {
            const y = AXIS_H + i * ROW_H;
            return (
              <g key={m.index} data-milestone={m.index} data-valid={m.valid}>
                <text x={0} y={y + 15} className="schedule-label">
                  {`第 ${i + 1} 阶段 ${m.start ?? '?'}～${m.end ?? '?'}`}
                </text>
                {m.start && m.end && (
                  <rect
                    x={x(Math.min(monthIndex(m.start), monthIndex(m.end)))}
                    y={y + 3}
                    width={Math.max(4, x(Math.max(monthIndex(m.start), monthIndex(m.end)) + 1) - x(Math.min(monthIndex(m.start), monthIndex(m.end))))}
                    height={ROW_H - 8}
                    rx={3}
                    className={m.valid ? 'schedule-bar' : 'schedule-bar schedule-bar-bad'}
                  />
                )}
              </g>
            );
          })}
        </svg>
      )}
      <ol className="schedule-tasks">
        {milestones.map((m) => (
          <li key={m.index}>
            <Typography.Text type={m.valid ? undefined : 'danger'}>{m.task || '（未填写工作内容）'}</Typography.Text>
          </li>
        ))}
      </ol>
    </Card>
  );
}
