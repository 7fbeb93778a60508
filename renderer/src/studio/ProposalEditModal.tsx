import { DatePicker, Form, Input, InputNumber, Modal, Select, Switch, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { DateInput } from '../fields/DateInputs';
import type { Severity } from '../../../shared/pack/rules';
import { KIND_NAMES, paramLabel, SEVERITY_NAMES } from '../../../shared/studio/kindNames';
import { messageAfterEdit, paramLeaves, withParam, type ParamLeaf } from '../../../shared/studio/paramLeaves';
import type { Proposal } from '../../../shared/studio/types';
import { paramText, type FieldNames } from './fieldNames';

interface Props {
  proposal: Proposal;
  names: FieldNames;
  params: Record<string, unknown>;
  severity: Severity;
  message: string;
  onSave: (params: Record<string, unknown>, severity: Severity, message: string) => void;
  onCancel: () => void;
}

const keyOf = (leaf: ParamLeaf): string => leaf.path.join('.');

const isWindowTime = (leaf: ParamLeaf): boolean => {
  const key = leaf.path[leaf.path.length - 1];
  return (key === 'opens' || key === 'closes') && typeof leaf.value === 'string';
};
const isDate = (leaf: ParamLeaf): boolean => typeof leaf.value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(leaf.value);

/** The window's times are Beijing time, as the notice writes them; the picker shows and sets that wall time. */
const WINDOW_TIME = 'YYYY-MM-DD HH:mm';
const wallTimeOf = (iso: string) => {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  return m ? dayjs(`${m[1]} ${m[2]}`, WINDOW_TIME) : null;
};
const hintOf = (leaf: ParamLeaf): string | undefined => (isWindowTime(leaf) ? '北京时间' : undefined);

/** 修改 a proposal: each parameter in its own input (numbers, dates, lists), and the severity. No JSON. */
export function ProposalEditModal({ proposal, names, params, severity, message, onSave, onCancel }: Props) {
  const [draft, setDraft] = useState(params);
  const [level, setLevel] = useState<Severity>(severity);
  const [text, setText] = useState(message);
  const leaves = paramLeaves(draft);

  const input = (leaf: ParamLeaf) => {
    const label = paramLabel(proposal.kind, leaf.path);
    // The 提示文字 follows a changed number or date it states, so a rule checking 50 does not say 55.
    const set = (value: unknown): void => {
      const next = withParam(draft, leaf.path, value);
      setText((t) => messageAfterEdit(t, draft, next));
      setDraft(next);
    };
    if (!leaf.editable) return <Typography.Text>{paramText(names, draft, leaf.path, leaf.value, false)}</Typography.Text>;
    const options = leaf.path[leaf.path.length - 1] === 'values' ? names.optionsOf(draft) : null;
    if (options && Array.isArray(leaf.value)) {
      // A choice among the field's own options: picked by their labels, stored by their values.
      return <Select aria-label={label} mode="multiple" value={leaf.value.map(String)} onChange={(values: string[]) => set(values)} options={options.map((o) => ({ value: o.value, label: o.label }))} style={{ width: '100%' }} />;
    }
    if (isWindowTime(leaf)) {
      return (
        <DatePicker
          aria-label={label}
          showTime={{ format: 'HH:mm' }}
          format={WINDOW_TIME}
          placeholder="年-月-日 时:分"
          allowClear={false}
          value={wallTimeOf(String(leaf.value))}
          onChange={(d) => d && set(`${d.format('YYYY-MM-DDTHH:mm')}:00+08:00`)}
        />
      );
    }
    if (isDate(leaf)) return <DateInput ariaLabel={label} value={String(leaf.value)} onChange={(text) => text && set(text)} />;
    if (typeof leaf.value === 'number') return <InputNumber aria-label={label} value={leaf.value} onChange={(v) => v !== null && set(v)} style={{ width: 200 }} />;
    if (typeof leaf.value === 'boolean') return <Switch aria-label={label} checked={leaf.value} onChange={set} />;
    if (Array.isArray(leaf.value)) {
      const numeric = leaf.value.every((v) => typeof v === 'number');
      return (
        <Select
          aria-label={label}
          mode="tags"
          value={leaf.value.map(String)}
          onChange={(values: string[]) => set(numeric ? values.map(Number).filter((n) => !Number.isNaN(n)) : values)}
          style={{ width: '100%' }}
        />
      );
    }
    return <Input aria-label={label} value={leaf.value} onChange={(e) => set(e.target.value)} />;
  };

  return (
    <Modal open title={`修改建议：${KIND_NAMES[proposal.kind]}`} okText="保存修改" cancelText="取消" onOk={() => onSave(draft, level, text.trim() === '' ? message : text.trim())} onCancel={onCancel} width={640}>
      <Typography.Paragraph type="secondary">原文：{proposal.quote}</Typography.Paragraph>
      <Form layout="vertical">
        {leaves.map((leaf) => (
          <Form.Item key={keyOf(leaf)} label={paramLabel(proposal.kind, leaf.path)} extra={leaf.editable ? hintOf(leaf) : '引用申报书中的字段，不在这里修改'}>
            {input(leaf)}
          </Form.Item>
        ))}
        <Form.Item label="提示文字" extra="规则不满足时显示给申报人；改了上面的数字或日期时会一并改写，用别的单位写的（如万元）请自己改">
          <Input.TextArea aria-label="提示文字" value={text} onChange={(e) => setText(e.target.value)} rows={2} maxLength={500} />
        </Form.Item>
        <Form.Item label="严重程度">
          <Select
            aria-label="严重程度"
            value={level}
            onChange={(v: Severity) => setLevel(v)}
            options={(['error', 'warning', 'info'] as const).map((s) => ({ value: s, label: SEVERITY_NAMES[s] }))}
            style={{ width: 200 }}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
