import { isValidMonth } from '../../../shared/dates';
import { monthRangeOf, stageProblems } from '../../../shared/derive/period';
import type { Draft } from '../../../shared/model/draft';
import type { Field } from '../../../shared/pack/fields';
import type { ResolvedProgram } from '../../../shared/pack/resolve';
import { cellOf, filledRows, plainTextOf, valueOf } from '../../../shared/rules/access';

type TableField = Extract<Field, { kind: 'table' }>;

export interface Milestone {
  index: number;
  start: string | null;
  end: string | null;
  task: string;
  /** Inside the project period, with start ≤ end. */
  valid: boolean;
}

export interface Schedule {
  period: [string, string] | null;
  milestones: Milestone[];
}

/** Months since year 0, so month ranges compare and subtract as integers. */
export const monthIndex = (ym: string): number => Number(ym.slice(0, 4)) * 12 + Number(ym.slice(5, 7)) - 1;

function monthOf(value: unknown): string | null {
  return typeof value === 'string' && isValidMonth(value) ? value : null;
}

/** The milestones table: `milestones`, else the first table with start/end month columns. */
function milestonesField(resolved: ResolvedProgram): TableField | null {
  const tables = resolved.sections.flatMap((s) => s.fields).filter((f): f is TableField => f.kind === 'table');
  const hasRange = (t: TableField): boolean => ['start', 'end'].every((id) => t.columns.some((c) => c.id === id && c.kind === 'month'));
  return tables.find((t) => t.id === 'milestones' && hasRange(t)) ?? tables.find(hasRange) ?? null;
}

export function scheduleOf(resolved: ResolvedProgram, draft: Draft): Schedule {
  const period = monthRangeOf(valueOf(draft, 'project.period'));
  const field = milestonesField(resolved);
  const rows = field ? filledRows(draft, field.id) : [];
  const milestones = rows.map((row, index): Milestone => {
    const start = monthOf(cellOf(row, 'start'));
    const end = monthOf(cellOf(row, 'end'));
    const task = cellOf(row, 'task');
    // The same test as the rule 进度安排须在起止年月之内 (shared/derive/period).
    const valid = start !== null && end !== null && stageProblems(start, end, period).length === 0;
    return { index, start, end, task: typeof task === 'string' ? plainTextOf(task) : '', valid };
  });
  return { period, milestones };
}
