import { chinaDateOf } from '../dates';
import type { ApplicationWindow } from '../pack/pack';

export type DeadlineStateKind = 'open' | 'closed' | 'notYetOpen' | 'none';

export interface DeadlineState {
  /** The window's close as stored (ISO with offset), or null when none is stated. */
  closes: string | null;
  /** Whole China-time days from today to the closing day (0 = closes today; negative once closed). */
  daysLeft: number | null;
  state: DeadlineStateKind;
}

const DAY_MS = 86_400_000;

function dayNumber(date: string): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

/** Where today (China date, `YYYY-MM-DD`) stands against an application window. */
export function deadlineState(window: ApplicationWindow | undefined, today: string): DeadlineState {
  const closesDay = window?.closes ? chinaDateOf(window.closes) : null;
  const opensDay = window?.opens ? chinaDateOf(window.opens) : null;
  const closes = window?.closes ?? null;
  const daysLeft = closesDay ? dayNumber(closesDay) - dayNumber(today) : null;
  if (opensDay && today < opensDay) return { closes, daysLeft, state: 'notYetOpen' };
  if (closesDay && today > closesDay) return { closes, daysLeft, state: 'closed' };
  if (!closesDay) return { closes, daysLeft: null, state: opensDay ? 'open' : 'none' };
  return { closes, daysLeft, state: 'open' };
}

/** 「剩余 N 天」/「今天截止」/「已截止」/「未开始」/「无截止时间」 */
export function deadlineLabel(d: DeadlineState): string {
  if (d.state === 'closed') return '已截止';
  if (d.state === 'notYetOpen') return '未开始';
  if (d.state === 'none' || d.daysLeft === null) return '无截止时间';
  return d.daysLeft === 0 ? '今天截止' : `剩余 ${d.daysLeft} 天`;
}
