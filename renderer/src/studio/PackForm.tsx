import { Button, Card, Checkbox, Form, Input, InputNumber, Select, Space, Switch, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { call } from '../api/client';
import type { Field } from '../../../shared/pack/fields';
import { DEFAULT_SECTIONS } from '../../../shared/pack/defaultTemplate';
import { ADDED_FIELD_KINDS, formFieldsOf, type AddedField, type StudioEdits } from '../../../shared/studio/studioEdits';
import type { StudioDraftFile } from '../../../shared/studio/studioFile';
import type { Studio } from './useStudio';

const TEXT_KINDS = new Set<Field['kind']>(['text', 'longText']);

interface Row {
  section: string;
  sectionTitle: string;
  field: Field;
}

/** 指南信息 (id, title, version, year) and the 申报书 form: rename fields, set 必填 and 字数, remove fields. */
export function PackForm({ draft, edits, studio }: { draft: StudioDraftFile; edits: StudioEdits; studio: Studio }) {
  const { meta } = edits;
  const sectionTitle = (id: string): string => edits.sections?.[id] ?? DEFAULT_SECTIONS.find((sec) => sec.id === id)?.title ?? id;
  const rows: Row[] = [
    ...formFieldsOf(draft.pack).map((r) => ({ ...r, sectionTitle: sectionTitle(r.section) })),
    ...(edits.addedFields ?? []).map((a) => ({ section: a.section, sectionTitle: sectionTitle(a.section), field: { id: a.id, kind: a.kind, label: a.label, required: a.required, ...(a.maxChars ? { maxChars: a.maxChars } : {}) } as Field })),
  ];
  const installed = useInstalledVersions(meta.id);
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card title="指南信息">
        <Form layout="vertical" style={{ maxWidth: 640 }}>
          <Form.Item label="指南包编号" extra="由小写字母、数字和连字符组成；同一指南的新版本用同一编号">
            <Input aria-label="指南包编号" value={meta.id} onChange={(e) => studio.setMeta({ ...meta, id: e.target.value.trim() })} />
          </Form.Item>
          <Form.Item label="指南名称">
            <Input aria-label="指南名称" value={meta.title} onChange={(e) => studio.setMeta({ ...meta, title: e.target.value })} />
          </Form.Item>
          <Form.Item
            label="版本号"
            extra={
              installed.length > 0
                ? `本机已安装这个指南包的 ${installed.join('、')} 版：保存为新版本请填写更高的版本号（如 1.1.0），已有草稿可选择升级`
                : '如 1.0.0；发布修订或补充通知时提高版本号（如 1.1.0），已有草稿可选择升级'
            }
          >
            <Input aria-label="版本号" value={meta.version} onChange={(e) => studio.setMeta({ ...meta, version: e.target.value.trim() })} />
          </Form.Item>
          <Form.Item label="年度">
            <InputNumber aria-label="年度" value={meta.year} min={2000} max={2100} onChange={(v) => v !== null && studio.setMeta({ ...meta, year: v })} />
          </Form.Item>
        </Form>
      </Card>
      <Card title="栏目">
        <Space wrap>
          {DEFAULT_SECTIONS.map((sec) => (
            <Input key={sec.id} aria-label={`栏目名称：${sec.title}`} addonBefore={sec.title} value={sectionTitle(sec.id)} onChange={(e) => studio.setSectionTitle(sec.id, e.target.value)} style={{ width: 320 }} />
          ))}
        </Space>
      </Card>
      <AddFieldCard onAdd={studio.addField} sectionTitle={sectionTitle} />
      <Card title="申报书表单">
        <Typography.Paragraph type="secondary">从默认申报书模板开始：可以改字段名称、设为必填、设字数上限（文字字段），或删除不需要的字段。</Typography.Paragraph>
        <Table<Row>
          size="small"
          rowKey={(r) => r.field.id}
          pagination={false}
          dataSource={rows}
          columns={[
            { title: '栏目', key: 'section', render: (_, r) => r.sectionTitle, width: 120 },
            {
              title: '字段名称',
              key: 'label',
              render: (_, r) => (
                <Input
                  aria-label={`字段名称：${r.field.label}`}
                  disabled={edits.fields[r.field.id]?.removed}
                  value={edits.fields[r.field.id]?.label ?? r.field.label}
                  onChange={(e) => studio.setField(r.field.id, { label: e.target.value })}
                />
              ),
            },
            {
              title: '必填',
              key: 'required',
              width: 80,
              render: (_, r) => (
                <Switch
                  aria-label={`必填：${r.field.label}`}
                  disabled={edits.fields[r.field.id]?.removed || r.field.derived}
                  checked={edits.fields[r.field.id]?.required ?? r.field.required ?? false}
                  onChange={(required) => studio.setField(r.field.id, { required })}
                />
              ),
            },
            {
              title: '字数上限',
              key: 'maxChars',
              width: 140,
              render: (_, r) =>
                TEXT_KINDS.has(r.field.kind) ? (
                  <InputNumber
                    aria-label={`字数上限：${r.field.label}`}
                    min={1}
                    max={200000}
                    disabled={edits.fields[r.field.id]?.removed}
                    value={edits.fields[r.field.id]?.maxChars ?? ('maxChars' in r.field ? r.field.maxChars : undefined) ?? null}
                    onChange={(v) => v !== null && studio.setField(r.field.id, { maxChars: v })}
                  />
                ) : (
                  <Typography.Text type="secondary">—</Typography.Text>
                ),
            },
            {
              title: '删除',
              key: 'removed',
              width: 70,
              render: (_, r) => (
                <Checkbox aria-label={`删除字段：${r.field.label}`} checked={edits.fields[r.field.id]?.removed ?? false} onChange={(e) => studio.setField(r.field.id, { removed: e.target.checked })} />
              ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}

/** The installed versions of the pack id being edited, so the user picks a new one. */
function useInstalledVersions(id: string): string[] {
  const [versions, setVersions] = useState<string[]>([]);
  useEffect(() => {
    let live = true;
    call('guidelinesList', {}).then(
      (list) => live && setVersions(list.find((g) => g.id === id)?.versions ?? []),
      () => live && setVersions([]),
    );
    return () => {
      live = false;
    };
  }, [id]);
  return versions;
}

const ADDABLE_SECTIONS = DEFAULT_SECTIONS.filter((sec) => sec.id !== 'declarations' && sec.id !== 'attachments');

/** 添加字段: a requirement of the notice the default form has no field for. */
function AddFieldCard({ onAdd, sectionTitle }: { onAdd: (field: Omit<AddedField, 'id'>) => void; sectionTitle: (id: string) => string }) {
  const [section, setSection] = useState(ADDABLE_SECTIONS[0]!.id);
  const [label, setLabel] = useState('');
  const [kind, setKind] = useState<AddedField['kind']>('text');
  const [required, setRequired] = useState(false);
  const [maxChars, setMaxChars] = useState<number | null>(null);
  const add = (): void => {
    onAdd({ section, label: label.trim(), kind, required, ...(maxChars !== null && (kind === 'text' || kind === 'longText') ? { maxChars } : {}) });
    setLabel('');
    setMaxChars(null);
  };
  return (
    <Card title="添加字段">
      <Space wrap>
        <Select aria-label="新字段所在栏目" value={section} onChange={setSection} options={ADDABLE_SECTIONS.map((sec) => ({ value: sec.id, label: sectionTitle(sec.id) }))} style={{ width: 180 }} />
        <Input aria-label="新字段名称" placeholder="字段名称" value={label} onChange={(e) => setLabel(e.target.value)} style={{ width: 240 }} />
        <Select aria-label="新字段类型" value={kind} onChange={setKind} options={Object.entries(ADDED_FIELD_KINDS).map(([value, name]) => ({ value, label: name }))} style={{ width: 160 }} />
        <Checkbox checked={required} onChange={(e) => setRequired(e.target.checked)}>
          必填
        </Checkbox>
        {(kind === 'text' || kind === 'longText') && <InputNumber aria-label="新字段字数上限" placeholder="字数上限" min={1} max={200000} value={maxChars} onChange={setMaxChars} />}
        <Button disabled={label.trim() === ''} onClick={add}>
          添加字段
        </Button>
      </Space>
    </Card>
  );
}
