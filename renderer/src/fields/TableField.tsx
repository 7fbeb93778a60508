import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import { formatYuanAsWan } from '../../../shared/money';
import type { FieldValue, TableRow } from '../../../shared/model/draft';
import type { Field } from '../../../shared/pack/fields';
import { useAppStore } from '../store';
import { childrenOf, columnTotal, fixedRowAmount, rowByKey, sumYuan } from '../../../shared/derive/budget';
import { TableCell } from './TableCell';

type TableFieldDef = Extract<Field, { kind: 'table' }>;

const EMPTY_ROWS: TableRow[] = [];

/**
 * A table of `draft.tables[id]`. Free tables add, remove and reorder rows with buttons (keyboard
 * reachable); `fixedRows` tables (the budget) show their category rows, headings summed from their
 * sub-rows. Money columns listed in `totals` get a per-row 合计 and a 合计 row, all exact.
 */
export function TableField({ field, onBlur }: { field: TableFieldDef; onBlur: () => void }) {
  const rows = useAppStore((s) => s.current?.draft.tables[field.id] ?? EMPTY_ROWS);
  const readOnly = useAppStore((s) => s.current?.draft.status === 'final');
  const edit = useAppStore((s) => s.edit);
  const setRows = (next: TableRow[]): void => edit([{ target: 'tables', id: field.id, value: next }]);
  const totals = (field.totals ?? []).filter((id) => field.columns.some((c) => c.id === id && c.kind === 'money'));
  const fixed = field.fixedRows;
  // In a fixed table the first text column is the category label itself.
  const columns = fixed ? field.columns.filter((c, i) => !(i === 0 && c.kind === 'text')) : field.columns;
  const labelColumn = fixed ? field.columns[0] : undefined;
  const wan = (yuan: bigint): string => formatYuanAsWan(yuan);

  const header = (
    <thead>
      <tr>
        {fixed ? <th scope="col">{labelColumn?.label ?? '科目'}</th> : <th scope="col">序号</th>}
        {columns.map((c) => (
          <th scope="col" key={c.id}>
            {c.label}
            {c.required ? <span className="required-mark">*</span> : null}
          </th>
        ))}
        {totals.length > 0 && <th scope="col">合计</th>}
        {!fixed && !readOnly && <th scope="col">操作</th>}
      </tr>
    </thead>
  );

  const totalsRow = totals.length > 0 && (
    <tr className="table-totals-row">
      <th scope="row">合计</th>
      {columns.map((c) => (
        <td key={c.id} data-total={c.id}>
          {totals.includes(c.id) ? wan(columnTotal(rows, c.id)) : ''}
        </td>
      ))}
      <td data-total="all">{wan(totals.reduce((sum, c) => sum + columnTotal(rows, c), 0n))}</td>
      {!fixed && !readOnly && <td />}
    </tr>
  );

  if (fixed) {
    const setCell = (key: string, column: string, value: FieldValue): void => {
      const next = fixed
        .filter((fr, i) => childrenOf(fixed, i).length === 0)
        .map((fr) => {
          const row = rowByKey(rows, fr.key) ?? { key: fr.key };
          return fr.key === key ? { ...row, [column]: value } : row;
        });
      setRows(next);
    };
    return (
      <table className="field-table" aria-label={field.label}>
        {header}
        <tbody>
          {fixed.map((fr, index) => {
            const children = childrenOf(fixed, index);
            const row = rowByKey(rows, fr.key);
            const heading = children.length > 0;
            const cell = (column: string): bigint => fixedRowAmount(fixed, index, rows, column);
            return (
              <tr key={fr.key} data-row={fr.key} className={heading ? 'table-heading-row' : `table-level-${fr.level ?? 0}`}>
                <th scope="row">{fr.label}</th>
                {columns.map((c) => (
                  <td key={c.id}>
                    {heading ? (
                      c.kind === 'money' ? <span data-sum={c.id}>{wan(cell(c.id))}</span> : null
                    ) : (
                      <TableCell column={c} ariaLabel={`${fr.label} ${c.label}`} value={row?.[c.id]} onChange={(v) => setCell(fr.key, c.id, v)} onBlur={onBlur} readOnly={readOnly} />
                    )}
                  </td>
                ))}
                {totals.length > 0 && <td data-row-total={fr.key}>{wan(totals.reduce((sum, c) => sum + cell(c), 0n))}</td>}
              </tr>
            );
          })}
          {totalsRow}
        </tbody>
      </table>
    );
  }

  const setCell = (index: number, column: string, value: FieldValue): void =>
    setRows(rows.map((r, i) => (i === index ? { ...r, [column]: value } : r)));
  const move = (from: number, to: number): void => {
    const next = [...rows];
    const [moved] = next.splice(from, 1);
    if (moved) next.splice(to, 0, moved);
    setRows(next);
  };
  const full = field.maxRows !== undefined && rows.length >= field.maxRows;
  return (
    <div className="field-table-wrap">
      <table className="field-table" aria-label={field.label}>
        {header}
        <tbody>
          {rows.length === 0 && (
            <tr>
              <td colSpan={columns.length + 3} className="table-empty">
                还没有行，点击下方「添加一行」
              </td>
            </tr>
          )}
          {rows.map((row, index) => {
            const n = index + 1;
            return (
              // Rows have no ids of their own; the index is what the user sees (第 N 行).
              <tr key={index} data-row={index}>
                <th scope="row">{n}</th>
                {columns.map((c) => (
                  <td key={c.id} className={`table-col-${c.kind}`}>
                    <TableCell column={c} ariaLabel={`${c.label}（第${n}行）`} value={row[c.id]} onChange={(v) => setCell(index, c.id, v)} onBlur={onBlur} readOnly={readOnly} />
                  </td>
                ))}
                {totals.length > 0 && <td data-row-total={index}>{wan(sumYuan(totals.map((c) => row[c])))}</td>}
                {!readOnly && (
                  <td className="table-row-actions">
                    <Tooltip title="上移">
                      <Button size="small" icon={<ArrowUpOutlined />} aria-label={`上移第${n}行`} disabled={index === 0} onClick={() => move(index, index - 1)} />
                    </Tooltip>
                    <Tooltip title="下移">
                      <Button size="small" icon={<ArrowDownOutlined />} aria-label={`下移第${n}行`} disabled={index === rows.length - 1} onClick={() => move(index, index + 1)} />
                    </Tooltip>
                    <Tooltip title="删除">
                      <Button size="small" danger icon={<DeleteOutlined />} aria-label={`删除第${n}行`} onClick={() => setRows(rows.filter((_, i) => i !== index))} />
                    </Tooltip>
                  </td>
                )}
              </tr>
            );
          })}
          {totalsRow}
        </tbody>
      </table>
      {!readOnly && (
        <Button icon={<PlusOutlined />} onClick={() => setRows([...rows, {}])} disabled={full} className="table-add-row">
          添加一行
        </Button>
      )}
      {full && <span className="table-full">最多 {field.maxRows} 行</span>}
    </div>
  );
}
