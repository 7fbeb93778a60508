import { Button, Checkbox, Form, Input, Select, Space } from 'antd';
import type { TableRow } from '../../../shared/model/draft';
import { DateInput } from '../fields/DateInputs';
import { RegionCascader } from '../fields/RegionInput';
import type { PrecheckAnswers, PrecheckQuestion } from '../../../shared/precheck';

interface Props {
  questions: PrecheckQuestion[];
  answers: PrecheckAnswers;
  onChange: (answers: PrecheckAnswers) => void;
}

/** One form: each question is a plain control, so the whole pre-check fits one screen and works from the keyboard. */
export function PrecheckQuestions({ questions, answers, onChange }: Props) {
  const setValue = (id: string, value: string | null) => onChange({ ...answers, values: { ...answers.values, [id]: value } });
  const setRows = (id: string, rows: TableRow[] | undefined) => {
    const tables = { ...answers.tables };
    if (rows === undefined) delete tables[id];
    else tables[id] = rows;
    onChange({ ...answers, tables });
  };
  return (
    <Form layout="vertical" className="precheck-questions">
      {questions.map((q) => {
        if (q.kind === 'value') {
          const value = answers.values[q.id];
          return (
            <Form.Item key={q.id} label={q.label} help={q.help} htmlFor={`pc-${q.id}`}>
              {q.region ? (
                <RegionCascader id={`pc-${q.id}`} ariaLabel={q.label} value={typeof value === 'string' ? value : ''} onChange={(code) => setValue(q.id, code)} />
              ) : q.options ? (
                <Select
                  id={`pc-${q.id}`}
                  aria-label={q.label}
                  showSearch
                  optionFilterProp="label"
                  allowClear
                  placeholder="请选择"
                  value={typeof value === 'string' ? value : undefined}
                  options={q.options}
                  onChange={(v: string | undefined) => setValue(q.id, v ?? null)}
                />
              ) : (
                <Input id={`pc-${q.id}`} aria-label={q.label} value={typeof value === 'string' ? value : ''} onChange={(e) => setValue(q.id, e.target.value)} />
              )}
            </Form.Item>
          );
        }
        if (q.kind === 'birthDate') {
          const value = answers.values[q.id];
          return (
            <Form.Item key={q.id} label={q.label} htmlFor="pc-birth" help="按身份证上的出生日期填写；年龄按周岁、以申报截止日计算">
              <DateInput id="pc-birth" ariaLabel={q.label} value={typeof value === 'string' ? value : undefined} onChange={(text) => setValue(q.id, text)} />
            </Form.Item>
          );
        }
        const rows = answers.tables[q.id];
        return (
          <Form.Item key={q.id} label={q.label}>
            <Space direction="vertical" style={{ width: '100%' }}>
              <Checkbox checked={rows !== undefined && rows.length === 0} onChange={(e) => setRows(q.id, e.target.checked ? [] : undefined)}>
                没有{q.label}
              </Checkbox>
              {(rows ?? []).map((row, i) => (
                <Space key={i} wrap>
                  {q.columns.map((c) =>
                    c.options ? (
                      <Select
                        key={c.id}
                        aria-label={`${q.label}${i + 1} ${c.label}`}
                        style={{ minWidth: 180 }}
                        showSearch
                        optionFilterProp="label"
                        placeholder={c.label}
                        value={typeof row[c.id] === 'string' ? (row[c.id] as string) : undefined}
                        options={c.options}
                        onChange={(v: string) => setRows(q.id, (rows ?? []).map((r, j) => (j === i ? { ...r, [c.id]: v } : r)))}
                      />
                    ) : (
                      <Input
                        key={c.id}
                        aria-label={`${q.label}${i + 1} ${c.label}`}
                        placeholder={c.label}
                        value={typeof row[c.id] === 'string' ? (row[c.id] as string) : ''}
                        onChange={(e) => setRows(q.id, (rows ?? []).map((r, j) => (j === i ? { ...r, [c.id]: e.target.value } : r)))}
                      />
                    ),
                  )}
                  <Button onClick={() => setRows(q.id, (rows ?? []).filter((_, j) => j !== i))}>删除</Button>
                </Space>
              ))}
              <Button onClick={() => setRows(q.id, [...(rows ?? []), {}])}>添加{q.label}</Button>
            </Space>
          </Form.Item>
        );
      })}
    </Form>
  );
}
