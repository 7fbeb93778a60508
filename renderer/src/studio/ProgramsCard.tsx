import { Button, Card, Checkbox, Input, InputNumber, Space, Typography } from 'antd';
import { useState } from 'react';
import type { Contact, Program } from '../../../shared/pack/pack';
import { programEditsOf, type DirectionEdit, type ProgramEdit } from '../../../shared/studio/programEdits';
import type { StudioEdits } from '../../../shared/studio/studioEdits';
import type { StudioDraftFile } from '../../../shared/studio/studioFile';
import type { Studio } from './useStudio';

const DOCUMENT_TYPES = [
  { value: 'proposal', label: '项目建议书' },
  { value: 'application', label: '项目申报书' },
] as const;
const MAX_LEVELS = 3;

const wan = (yuan: number | undefined): number | null => (yuan === undefined ? null : yuan / 10_000);

/** The next free id of a kind (program-3, n7) so ids stay unique and valid pack ids. */
function nextId(prefix: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  let n = 1;
  while (used.has(`${prefix}${n}`)) n++;
  return `${prefix}${n}`;
}
const allIds = (ds: readonly DirectionEdit[]): string[] => ds.flatMap((d) => [d.id, ...allIds(d.children ?? [])]);

/** 专项: the programs proposed from the notice's outline, renamed, added, removed, with funding, materials and directions. */
export function ProgramsCard({ draft, edits, studio }: { draft: StudioDraftFile; edits: StudioEdits; studio: Studio }) {
  const list = edits.programs ?? programEditsOf(draft.pack);
  const baseOf = (p: ProgramEdit): Program | undefined => (p.from ? draft.pack.programs.find((x) => x.id === p.from) : undefined);
  const set = (programs: ProgramEdit[]): void => studio.change((e) => ({ ...e, programs }));
  const update = (i: number, patch: Partial<ProgramEdit>): void => set(list.map((p, j) => (j === i ? { ...p, ...patch } : p)));
  const add = (): void => {
    const id = nextId('program-', list.map((p) => p.id));
    set([...list, { id, name: `新专项${id.slice('program-'.length)}`, directions: [] }]);
  };
  return (
    <Card title={`专项（${list.length}）`}>
      <Typography.Paragraph type="secondary">
        按通知的结构建议：每个计划类别或专项一项，带支持方向、资助额度、申报材料和联系人。各专项部分的规则归该专项；通知共同部分的规则适用于全部专项。申报书新建时从这里选择专项。
      </Typography.Paragraph>
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        {list.map((p, i) => (
          <ProgramEditor key={p.id} n={i + 1} program={p} base={baseOf(p)} shared={draft.pack.contacts ?? []} onChange={(patch) => update(i, patch)} onRemove={list.length > 1 ? () => set(list.filter((_, j) => j !== i)) : null} />
        ))}
      </Space>
      <Button style={{ marginTop: 12 }} onClick={add}>
        添加专项
      </Button>
    </Card>
  );
}

function ProgramEditor({ n, program, base, shared, onChange, onRemove }: { n: number; program: ProgramEdit; base: Program | undefined; shared: Contact[]; onChange: (patch: Partial<ProgramEdit>) => void; onRemove: (() => void) | null }) {
  const min = program.fundingMinWan !== undefined ? program.fundingMinWan : wan(base?.funding?.min);
  const max = program.fundingMaxWan !== undefined ? program.fundingMaxWan : wan(base?.funding?.max);
  const documentTypes = program.documentTypes ?? base?.documentTypes ?? ['application'];
  const directions: DirectionEdit[] = program.directions ?? (base?.directions as DirectionEdit[] | undefined) ?? [];
  const rules = base?.rules.length ?? 0;
  const contacts: Contact[] = program.contacts ?? base?.contacts ?? [];
  // Typed as text and read on leaving the box, so a half-typed 、 does not drop an empty item.
  const [formsText, setFormsText] = useState((program.fundingForms ?? base?.funding?.forms ?? []).join('、'));
  return (
    <Card size="small" role="group" aria-label={`专项 ${n}`} type="inner" title={`专项 ${n}${base ? '' : '（新增）'}`} extra={onRemove ? <Button size="small" danger onClick={onRemove} aria-label={`删除专项 ${n}`}>删除专项</Button> : null}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Input aria-label={`专项名称 ${n}`} addonBefore="名称" value={program.name} onChange={(e) => onChange({ name: e.target.value })} status={program.name.trim() === '' ? 'error' : ''} />
        <Space wrap>
          <span>资助额度（万元）</span>
          <InputNumber aria-label={`资助下限（万元） ${n}`} placeholder="下限" min={0} max={1_000_000} step={1} precision={2} value={min} onChange={(v) => onChange({ fundingMinWan: v })} />
          <span>至</span>
          <InputNumber aria-label={`资助上限（万元） ${n}`} placeholder="上限" min={0} max={1_000_000} step={1} precision={2} value={max} onChange={(v) => onChange({ fundingMaxWan: v })} />
        </Space>
        <Input
          aria-label={`资助方式 ${n}`}
          addonBefore="资助方式"
          placeholder="如：无偿资助、股权投资（用顿号分隔）"
          value={formsText}
          onChange={(e) => setFormsText(e.target.value)}
          onBlur={() => onChange({ fundingForms: splitList(formsText).slice(0, 10) })}
        />
        <Space wrap>
          <span>申报材料</span>
          <Checkbox.Group
            aria-label={`申报材料 ${n}`}
            options={DOCUMENT_TYPES.map((d) => ({ value: d.value, label: d.label }))}
            value={documentTypes}
            onChange={(v) => v.length > 0 && onChange({ documentTypes: v as ProgramEdit['documentTypes'] })}
          />
        </Space>
        <Typography.Text type="secondary">{base ? `通知中本专项的部分有 ${rules} 条规则建议，接受的归本专项。` : '新增的专项没有自己的规则，通知共同部分的规则对它同样适用。'}</Typography.Text>
        <ContactsEditor n={n} contacts={contacts} shared={shared} onChange={(next) => onChange({ contacts: next })} />
        <DirectionsEditor n={n} directions={directions} onChange={(next) => onChange({ directions: next })} />
      </Space>
    </Card>
  );
}

const splitList = (text: string): string[] =>
  text
    .split(/[、，,；;\s]+/)
    .map((x) => x.trim())
    .filter((x) => x !== '');

/** 联系人: department, people and phones per row (people and phones typed with 、 between them). */
const contactText = (c: Contact): string => [c.department, c.people.join('、'), c.phones.join('、')].filter((x) => x !== '').join(' ');

function ContactsEditor({ n, contacts, shared, onChange }: { n: number; contacts: Contact[]; shared: Contact[]; onChange: (next: Contact[]) => void }) {
  const update = (i: number, patch: Partial<Contact>): void => onChange(contacts.map((c, j) => (j === i ? { ...c, ...patch } : c)));
  // Rows keep typed text of their own: after a removal every row starts again from the list.
  const [generation, setGeneration] = useState(0);
  const remove = (i: number): void => {
    setGeneration((g) => g + 1);
    onChange(contacts.filter((_, j) => j !== i));
  };
  return (
    <div role="group" aria-label={`联系人 ${n}`}>
      <Typography.Text strong>联系人（{contacts.length}）</Typography.Text>
      {/* 「联系人（0）」 alone reads as if the notice named nobody: its common contacts are what the 申报书 shows. */}
      {contacts.length === 0 && shared.length > 0 && (
        <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
          本专项没有自己的联系人，申报书中显示通知的联系人：{shared.map(contactText).join('；')}
        </Typography.Paragraph>
      )}
      {contacts.map((c, i) => (
        <Space key={`${generation}-${i}`} wrap style={{ display: 'flex', marginTop: 4 }}>
          <Input aria-label={`联系部门 ${n}-${i + 1}`} placeholder="部门" value={c.department} style={{ width: 200 }} status={c.department.trim() === '' ? 'error' : ''} onChange={(e) => update(i, { department: e.target.value })} />
          <ListInput label={`联系人姓名 ${n}-${i + 1}`} placeholder="姓名（顿号分隔）" values={c.people} onChange={(people) => update(i, { people })} />
          <ListInput label={`联系电话 ${n}-${i + 1}`} placeholder="电话（顿号分隔）" values={c.phones} onChange={(phones) => update(i, { phones })} />
          <Button size="small" danger aria-label={`删除联系人 ${n}-${i + 1}`} onClick={() => remove(i)}>
            删除
          </Button>
        </Space>
      ))}
      <div style={{ marginTop: 8 }}>
        <Button size="small" aria-label={`添加联系人 ${n}`} disabled={contacts.length >= 20} onClick={() => onChange([...contacts, { department: '联系方式', people: [], phones: [] }])}>
          添加联系人
        </Button>
      </div>
    </div>
  );
}

/** A list typed as text with 、 between items, read when the box is left. */
function ListInput({ label, placeholder, values, onChange }: { label: string; placeholder: string; values: string[]; onChange: (next: string[]) => void }) {
  const [text, setText] = useState(values.join('、'));
  return <Input aria-label={label} placeholder={placeholder} value={text} style={{ width: 220 }} onChange={(e) => setText(e.target.value)} onBlur={() => onChange(splitList(text).slice(0, 20))} />;
}

/** The directions tree as indented rows: rename, add at the top or below an item (three levels), remove. */
function DirectionsEditor({ n, directions, onChange }: { n: number; directions: DirectionEdit[]; onChange: (next: DirectionEdit[]) => void }) {
  const fresh = (): DirectionEdit => ({ id: nextId('n', allIds(directions)), name: '新方向' });
  const map = (ds: DirectionEdit[], path: number[], f: (d: DirectionEdit) => DirectionEdit | null): DirectionEdit[] =>
    ds.flatMap((d, i) => {
      if (i !== path[0]) return [d];
      if (path.length === 1) {
        const next = f(d);
        return next ? [next] : [];
      }
      return [{ ...d, children: map(d.children ?? [], path.slice(1), f) }];
    });
  const rows: { d: DirectionEdit; path: number[] }[] = [];
  const walk = (ds: DirectionEdit[], prefix: number[]): void =>
    ds.forEach((d, i) => {
      rows.push({ d, path: [...prefix, i] });
      walk(d.children ?? [], [...prefix, i]);
    });
  walk(directions, []);
  const labelOf = (path: number[]): string => path.map((x) => x + 1).join('-');
  return (
    <div role="group" aria-label={`支持方向 ${n}`}>
      <Typography.Text strong>支持方向（{rows.length}）</Typography.Text>
      {rows.length === 0 && <Typography.Paragraph type="secondary">没有支持方向：申报时不需要选择方向。</Typography.Paragraph>}
      {rows.map(({ d, path }) => (
        <Space key={`${labelOf(path)}-${d.id}`} style={{ display: 'flex', marginLeft: (path.length - 1) * 24, marginTop: 4 }}>
          <Typography.Text type="secondary">{d.code ?? labelOf(path)}</Typography.Text>
          <Input aria-label={`支持方向 ${n}：${labelOf(path)}`} value={d.name} style={{ width: 320 }} status={d.name.trim() === '' ? 'error' : ''} onChange={(e) => onChange(map(directions, path, (x) => ({ ...x, name: e.target.value })))} />
          {path.length < MAX_LEVELS && (
            <Button size="small" aria-label={`添加下级方向 ${n}：${labelOf(path)}`} onClick={() => onChange(map(directions, path, (x) => ({ ...x, children: [...(x.children ?? []), fresh()] })))}>
              添加下级
            </Button>
          )}
          <Button size="small" danger aria-label={`删除方向 ${n}：${labelOf(path)}`} onClick={() => onChange(map(directions, path, () => null))}>
            删除
          </Button>
        </Space>
      ))}
      <div style={{ marginTop: 8 }}>
        <Button size="small" aria-label={`添加支持方向 ${n}`} onClick={() => onChange([...directions, fresh()])}>
          添加支持方向
        </Button>
      </div>
    </div>
  );
}
