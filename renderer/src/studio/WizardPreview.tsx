import { Alert, Card, Checkbox, Descriptions, Form, Input, InputNumber, Radio, Select, Space, Table, Tag, Tree, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { DocumentType } from '../../../shared/model/draft';
import type { Field } from '../../../shared/pack/fields';
import type { Direction, Funding } from '../../../shared/pack/pack';
import type { ResolvedSection } from '../../../shared/pack/resolve';
import { studioPackFromNotice, type StudioEdits } from '../../../shared/studio/studioEdits';
import type { StudioDraftFile } from '../../../shared/studio/studioFile';
import { wizardPreview } from '../../../shared/studio/wizardPreview';

const DOCUMENT_NAMES: Record<DocumentType, string> = { proposal: '项目建议书', application: '项目申报书' };

const wanText = (yuan: number): string => `${yuan / 10_000} 万元`;
function fundingText(funding: Funding | null): string {
  if (!funding) return '通知未写明';
  const range = funding.min !== undefined && funding.max !== undefined ? `${wanText(funding.min)} 至 ${wanText(funding.max)}` : funding.max !== undefined ? `不超过 ${wanText(funding.max)}` : funding.min !== undefined ? `不低于 ${wanText(funding.min)}` : '未写明额度';
  return `${range}${funding.forms.length > 0 ? `（${funding.forms.join('、')}）` : ''}`;
}

interface TreeNode {
  key: string;
  title: string;
  children?: TreeNode[];
}
const treeOf = (ds: Direction[]): TreeNode[] => ds.map((d) => ({ key: d.id, title: `${d.code ? `${d.code} ` : ''}${d.name}`, ...(d.children ? { children: treeOf(d.children) } : {}) }));

/** The input a field shows in the wizard, disabled: the preview is for looking, not filling. */
function PreviewInput({ field }: { field: Field }) {
  const limit = 'maxChars' in field && field.maxChars ? `最多 ${field.maxChars} 字` : '';
  switch (field.kind) {
    case 'text':
      return <Input disabled placeholder={limit} />;
    case 'longText':
      return <Input.TextArea disabled rows={2} placeholder={limit} />;
    case 'money':
      return <InputNumber disabled addonAfter="万元" style={{ width: 200 }} />;
    case 'integer':
      return <InputNumber disabled addonAfter={field.unit} style={{ width: 200 }} />;
    case 'date':
      return <Input disabled placeholder="年-月-日" style={{ width: 200 }} />;
    case 'monthRange':
      return <Input disabled placeholder="起始年月 至 结束年月" style={{ width: 280 }} />;
    case 'region':
      return <Input disabled placeholder="省 / 市 / 区（县）" style={{ width: 280 }} />;
    case 'select':
    case 'multiSelect':
      return (
        <Space direction="vertical" size={0} style={{ width: '100%' }}>
          <Select disabled mode={field.kind === 'multiSelect' ? 'multiple' : undefined} placeholder="请选择" style={{ width: 280 }} />
          <Typography.Text type="secondary">选项：{field.options.map((o) => o.label).join('、')}</Typography.Text>
        </Space>
      );
    case 'table':
      return (
        <Table
          size="small"
          pagination={false}
          rowKey="key"
          dataSource={(field.fixedRows ?? []).slice(0, 30)}
          columns={field.columns.map((c, i) => ({ key: c.id, title: `${c.label}${c.required ? '（必填）' : ''}`, render: (_: unknown, row: { label: string }) => (i === 0 && field.fixedRows ? row.label : '') }))}
          locale={{ emptyText: '逐行填写' }}
        />
      );
  }
}

function PreviewSection({ section, n }: { section: ResolvedSection; n: number }) {
  const declarations = section.declarations ?? [];
  const attachments = section.attachments ?? [];
  return (
    <Card size="small" role="region" aria-label={`预览栏目：${section.title}`} title={`${n}. ${section.title}`}>
      {section.fields.length === 0 && declarations.length === 0 && attachments.length === 0 && <Typography.Text type="secondary">这个栏目没有要填写的内容。</Typography.Text>}
      <Form layout="vertical" disabled>
        {section.fields.map((field) => (
          <Form.Item key={field.id} label={field.label} required={field.required} extra={field.help} data-preview-field={field.id}>
            <PreviewInput field={field} />
          </Form.Item>
        ))}
      </Form>
      {declarations.map((d) => (
        <div key={d.id}>
          <Checkbox disabled>{d.text}</Checkbox>
        </div>
      ))}
      {attachments.length > 0 && (
        <ul>
          {attachments.map((a) => (
            <li key={a.id}>
              {a.name} {a.required ? <Tag color="red">必交</Tag> : <Tag>按需提交</Tag>}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

/**
 * 向导预览: the 申报书 a draft on the pack being edited would show — programs, directions,
 * sections and fields — resolved by the wizard's own resolution from the pack the current decisions
 * build, and shown read-only. It follows every decision and form change as it is made.
 */
export function WizardPreview({ draft, edits }: { draft: StudioDraftFile; edits: StudioEdits }) {
  const built = useMemo(() => studioPackFromNotice(draft.notice.text, edits), [draft, edits]);
  const { pack, undecidedProposals } = built;
  const [programId, setProgramId] = useState<string | undefined>(undefined);
  const [documentType, setDocumentType] = useState<DocumentType | undefined>(undefined);
  const preview = useMemo(() => wizardPreview(pack, programId, documentType), [pack, programId, documentType]);
  if (!preview.ok) return <Alert type="warning" showIcon message={preview.problem} />;
  const { program, resolved } = preview;
  const ruleCount = resolved.rules.filter((r) => !r.id.startsWith('form.')).length;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary">按当前的决定和表单修改生成的申报书（只读）。新建申报书时看到的专项、支持方向、栏目和字段与这里一致；要试规则的结果请用「试填」。</Typography.Paragraph>
      {undecidedProposals > 0 && <Alert type="info" showIcon message={`还有 ${undecidedProposals} 条规则建议待决定：预览只含已接受的建议，由建议得出的支持方向、资助额度和检查规则在接受后才会出现。`} />}
      <Space wrap>
        {pack.programs.length > 1 && (
          <Select aria-label="预览的专项" value={program.id} onChange={setProgramId} options={pack.programs.map((p) => ({ value: p.id, label: p.name }))} style={{ minWidth: 260 }} />
        )}
        {preview.documentTypes.length > 1 && (
          <Radio.Group aria-label="预览的申报材料" value={preview.documentType} onChange={(e) => setDocumentType(e.target.value as DocumentType)} options={preview.documentTypes.map((t) => ({ value: t, label: DOCUMENT_NAMES[t] }))} />
        )}
      </Space>
      <Card size="small" role="region" aria-label="预览专项" title={`专项：${program.name}`}>
        <Descriptions size="small" column={1}>
          <Descriptions.Item label="申报材料">{preview.documentTypes.map((t) => DOCUMENT_NAMES[t]).join('、')}</Descriptions.Item>
          <Descriptions.Item label="资助额度">{fundingText(resolved.funding)}</Descriptions.Item>
          {resolved.contacts.length > 0 && <Descriptions.Item label="联系人">{resolved.contacts.map((c) => `${c.department} ${c.people.join('、')} ${c.phones.join('、')}`).join('；')}</Descriptions.Item>}
          <Descriptions.Item label="指南规则">{`${ruleCount} 条（含通知共同部分的规则和承诺、附件的检查，不含表单的必填、格式检查）`}</Descriptions.Item>
        </Descriptions>
        {program.directions.length > 0 ? (
          <>
            <Typography.Text strong>
              支持方向{preview.directionRule ? (preview.directionRule.leaf ? '（须选择，选到最末一级）' : '（须选择）') : '（可选）'}
            </Typography.Text>
            <Tree treeData={treeOf(program.directions)} defaultExpandAll selectable={false} aria-label="预览支持方向" />
          </>
        ) : (
          <Typography.Text type="secondary">没有支持方向：申报时不需要选择方向。</Typography.Text>
        )}
      </Card>
      {resolved.sections.map((section, i) => (
        <PreviewSection key={section.id} section={section} n={i + 1} />
      ))}
    </Space>
  );
}
