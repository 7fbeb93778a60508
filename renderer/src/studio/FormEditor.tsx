import { Button, Card, Checkbox, Input, InputNumber, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ADDED_FIELD_KINDS, CHOICE_KINDS, FIELD_KIND_NAMES, formLayout, TEXT_KINDS, type AddedField, type FormRow, type FormSectionRow } from '../../../shared/studio/formEdits';
import type { StudioEdits } from '../../../shared/studio/studioEdits';
import type { StudioDraftFile } from '../../../shared/studio/studioFile';
import type { Studio } from './useStudio';

const swap = <T,>(items: readonly T[], i: number, j: number): T[] => {
  const next = [...items];
  [next[i], next[j]] = [next[j]!, next[i]!];
  return next;
};

/**
 * The 申报书 form from the default template: sections added, removed, renamed and moved; fields
 * added, removed, renamed and moved, with 必填 and 字数 limits. Controls are labelled with the
 * template's own names, so a label being typed never renames its control.
 */
export function FormEditor({ draft, edits, studio }: { draft: StudioDraftFile; edits: StudioEdits; studio: Studio }) {
  const layout = formLayout(draft.pack, edits);
  const moveSection = (i: number, j: number): void => studio.change((e) => ({ ...e, order: { ...e.order, sections: swap(layout.map((s) => s.id), i, j) } }));
  const moveField = (section: FormSectionRow, i: number, j: number): void =>
    studio.change((e) => ({ ...e, order: { ...e.order, fields: { ...e.order?.fields, [section.id]: swap(section.rows.map((r) => r.field.id), i, j) } } }));
  const setRemoved = (id: string, removed: boolean): void =>
    studio.change((e) => {
      const rest = (e.removedSections ?? []).filter((x) => x !== id);
      return { ...e, removedSections: removed ? [...rest, id] : rest };
    });
  const addSection = (title: string): void =>
    studio.change((e) => {
      const taken = new Set((e.addedSections ?? []).map((s) => s.id));
      let n = 1;
      while (taken.has(`custom.s${n}`)) n++;
      return { ...e, addedSections: [...(e.addedSections ?? []), { id: `custom.s${n}`, title }] };
    });
  const renameAdded = (id: string, title: string): void => studio.change((e) => ({ ...e, addedSections: (e.addedSections ?? []).map((s) => (s.id === id ? { ...s, title } : s)) }));
  const removeAddedField = (id: string): void =>
    studio.change((e) => {
      // Its edits go with it: a later field given the same id must not inherit them.
      const { [id]: _gone, ...fields } = e.fields;
      return { ...e, addedFields: (e.addedFields ?? []).filter((f) => f.id !== id), fields };
    });
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <AddCard layout={layout} onAddField={studio.addField} onAddSection={addSection} />
      <Card title="申报书表单">
        <Typography.Paragraph type="secondary">从默认申报书模板开始：可以改栏目和字段的名称、调整顺序、设为必填、设字数上限（文字字段），删除不需要的栏目或字段。</Typography.Paragraph>
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          {layout.map((section, i) => (
            <Card
              key={section.id}
              size="small"
              type="inner"
              role="region"
              aria-label={`栏目：${section.baseTitle}`}
              title={
                <Space wrap>
                  <Input
                    aria-label={`栏目名称：${section.baseTitle}`}
                    value={section.title}
                    disabled={section.removed}
                    style={{ width: 260 }}
                    onChange={(e) => (section.custom ? renameAdded(section.id, e.target.value) : studio.setSectionTitle(section.id, e.target.value))}
                  />
                  {section.custom && <Tag>新增栏目</Tag>}
                  {section.removed && <Tag color="red">已删除</Tag>}
                  {section.fixed && <Typography.Text type="secondary">（内容由承诺和附件清单生成）</Typography.Text>}
                </Space>
              }
              extra={
                <Space>
                  <Button size="small" aria-label={`上移栏目：${section.baseTitle}`} disabled={i === 0} onClick={() => moveSection(i, i - 1)}>
                    上移
                  </Button>
                  <Button size="small" aria-label={`下移栏目：${section.baseTitle}`} disabled={i === layout.length - 1} onClick={() => moveSection(i, i + 1)}>
                    下移
                  </Button>
                  {!section.fixed && (
                    <Button size="small" danger={!section.removed} aria-label={`${section.removed ? '恢复' : '删除'}栏目：${section.baseTitle}`} onClick={() => setRemoved(section.id, !section.removed)}>
                      {section.removed ? '恢复栏目' : '删除栏目'}
                    </Button>
                  )}
                </Space>
              }
            >
              {!section.removed && !section.fixed && <FieldTable section={section} edits={edits} studio={studio} onMove={(a, b) => moveField(section, a, b)} onRemoveAdded={removeAddedField} />}
            </Card>
          ))}
        </Space>
      </Card>
    </Space>
  );
}

function FieldTable({ section, edits, studio, onMove, onRemoveAdded }: { section: FormSectionRow; edits: StudioEdits; studio: Studio; onMove: (i: number, j: number) => void; onRemoveAdded: (id: string) => void }) {
  const editOf = (r: FormRow) => edits.fields[r.field.id];
  if (section.rows.length === 0) return <Typography.Text type="secondary">这个栏目还没有字段：在上方「添加字段」中选择它。</Typography.Text>;
  return (
    <Table<FormRow>
      size="small"
      rowKey={(r) => r.field.id}
      pagination={false}
      dataSource={section.rows}
      columns={[
        {
          title: '字段名称',
          key: 'label',
          render: (_, r) => (
            <Input aria-label={`字段名称：${r.field.label}`} disabled={editOf(r)?.removed} value={editOf(r)?.label ?? r.field.label} onChange={(e) => studio.setField(r.field.id, { label: e.target.value })} />
          ),
        },
        { title: '类型', key: 'kind', width: 130, render: (_, r) => FIELD_KIND_NAMES[r.field.kind] },
        {
          title: '必填',
          key: 'required',
          width: 70,
          render: (_, r) => (
            <Switch
              aria-label={`必填：${r.field.label}`}
              disabled={editOf(r)?.removed || r.field.derived}
              checked={editOf(r)?.required ?? r.field.required ?? false}
              onChange={(required) => studio.setField(r.field.id, { required })}
            />
          ),
        },
        {
          title: '字数上限',
          key: 'maxChars',
          width: 130,
          render: (_, r) =>
            TEXT_KINDS.has(r.field.kind) ? (
              <InputNumber
                aria-label={`字数上限：${r.field.label}`}
                min={1}
                max={r.field.kind === 'text' ? 2000 : 200000}
                disabled={editOf(r)?.removed}
                value={editOf(r)?.maxChars ?? ('maxChars' in r.field ? r.field.maxChars : undefined) ?? null}
                onChange={(v) => v !== null && studio.setField(r.field.id, { maxChars: v })}
              />
            ) : (
              <Typography.Text type="secondary">—</Typography.Text>
            ),
        },
        {
          title: '顺序',
          key: 'order',
          width: 130,
          render: (_, r, i) => (
            <Space size={4}>
              <Button size="small" aria-label={`上移：${r.field.label}`} disabled={i === 0} onClick={() => onMove(i, i - 1)}>
                上移
              </Button>
              <Button size="small" aria-label={`下移：${r.field.label}`} disabled={i === section.rows.length - 1} onClick={() => onMove(i, i + 1)}>
                下移
              </Button>
            </Space>
          ),
        },
        {
          title: '删除',
          key: 'removed',
          width: 70,
          render: (_, r) =>
            r.custom ? (
              <Button size="small" danger aria-label={`删除新字段：${r.field.label}`} onClick={() => onRemoveAdded(r.field.id)}>
                删除
              </Button>
            ) : (
              <Checkbox aria-label={`删除字段：${r.field.label}`} checked={editOf(r)?.removed ?? false} onChange={(e) => studio.setField(r.field.id, { removed: e.target.checked })} />
            ),
        },
      ]}
    />
  );
}

/** 添加字段 (a requirement of the notice the default form has no field for) and 添加栏目. */
function AddCard({ layout, onAddField, onAddSection }: { layout: FormSectionRow[]; onAddField: (field: Omit<AddedField, 'id'>) => void; onAddSection: (title: string) => void }) {
  const sections = layout.filter((s) => !s.fixed && !s.removed);
  const [section, setSection] = useState(sections[0]?.id ?? 'basic');
  const [label, setLabel] = useState('');
  const [kind, setKind] = useState<AddedField['kind']>('text');
  const [required, setRequired] = useState(false);
  const [maxChars, setMaxChars] = useState<number | null>(null);
  const [options, setOptions] = useState('');
  const [sectionTitle, setSectionTitle] = useState('');
  const choices = options
    .split(/[、，,；;\n]/)
    .map((o) => o.trim())
    .filter((o) => o !== '');
  const choice = CHOICE_KINDS.has(kind);
  const add = (): void => {
    onAddField({ section, label: label.trim(), kind, required, ...(maxChars !== null && TEXT_KINDS.has(kind) ? { maxChars } : {}), ...(choice ? { options: choices } : {}) });
    setLabel('');
    setMaxChars(null);
    setOptions('');
  };
  return (
    <Card title="添加字段或栏目">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Space wrap>
          <Select aria-label="新字段所在栏目" value={section} onChange={setSection} options={sections.map((sec) => ({ value: sec.id, label: sec.title }))} style={{ width: 180 }} />
          <Input aria-label="新字段名称" placeholder="字段名称" value={label} onChange={(e) => setLabel(e.target.value)} style={{ width: 240 }} />
          <Select aria-label="新字段类型" value={kind} onChange={setKind} options={Object.entries(ADDED_FIELD_KINDS).map(([value, name]) => ({ value, label: name }))} style={{ width: 180 }} />
          <Checkbox checked={required} onChange={(e) => setRequired(e.target.checked)}>
            必填
          </Checkbox>
          {TEXT_KINDS.has(kind) && <InputNumber aria-label="新字段字数上限" placeholder="字数上限" min={1} max={kind === 'text' ? 2000 : 200000} value={maxChars} onChange={setMaxChars} />}
          {choice && <Input aria-label="新字段选项" placeholder="选项，用顿号或逗号分隔" value={options} onChange={(e) => setOptions(e.target.value)} style={{ width: 280 }} />}
          <Button disabled={label.trim() === '' || (choice && choices.length === 0)} onClick={add}>
            添加字段
          </Button>
        </Space>
        <Space wrap>
          <Input aria-label="新栏目名称" placeholder="栏目名称" value={sectionTitle} onChange={(e) => setSectionTitle(e.target.value)} style={{ width: 240 }} />
          <Button
            disabled={sectionTitle.trim() === ''}
            onClick={() => {
              onAddSection(sectionTitle.trim());
              setSectionTitle('');
            }}
          >
            添加栏目
          </Button>
        </Space>
      </Space>
    </Card>
  );
}
