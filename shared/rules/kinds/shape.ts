import { fieldShapeProblem, scalarShapeProblem } from '../../checks/valueShape';
import { cellOf, isFilled, isRowFilled, rowsOf, valueOf } from '../access';
import { fail, notApplicable, pass, type KindSpec, type RuleOf, type Verdict } from '../types';
import { rowName } from './tables';

const MAX_LISTED = 5;

/** A value (or every filled cell of a table) has the shape its field or column keeps (shared/checks/valueShape). */
export const valueShape: KindSpec<RuleOf<'valueShape'>> = {
  refs: (r) => [{ at: 'field', field: r.field }],
  evaluate: (r, env): Verdict => {
    const field = env.fields.get(r.field)?.field;
    if (!field) return notApplicable();
    if (field.kind !== 'table') {
      const value = valueOf(env.draft, r.field);
      if (!isFilled(value)) return notApplicable();
      const problem = fieldShapeProblem(field, value);
      return problem === null ? pass() : fail(problem);
    }
    const problems: string[] = [];
    let first: string | undefined;
    rowsOf(env.draft, r.field).forEach((row, i) => {
      if (!isRowFilled(row)) return;
      for (const column of field.columns) {
        const problem = scalarShapeProblem(column.kind, cellOf(row, column.id), column.options);
        if (problem === null) continue;
        problems.push(`${rowName(env, r.field, row, i)}的「${column.label}」：${problem}`);
        first ??= `${r.field}[${i}].${column.id}`;
      }
    });
    if (problems.length === 0) return pass();
    const listed = problems.slice(0, MAX_LISTED).join('；');
    return fail(problems.length > MAX_LISTED ? `${listed}等${problems.length}处` : listed, first);
  },
};
