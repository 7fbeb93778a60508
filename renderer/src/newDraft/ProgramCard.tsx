import { Card, Descriptions, Radio, Space, Tag, Typography } from 'antd';
import { chinaDateTimeLabel } from '../../../shared/dates';
import { formatWan } from '../../../shared/money';
import type { DocumentType } from '../../../shared/model/draft';
import type { Pack, Program } from '../../../shared/pack/pack';
import { DOCUMENT_FULL_NAME } from '../../../shared/model/draft';


function fundingText(program: Program): string {
  const f = program.funding;
  if (!f) return '未规定';
  const range = f.min !== undefined && f.max !== undefined ? `${formatWan(f.min)}～${formatWan(f.max)}` : f.max !== undefined ? `不超过 ${formatWan(f.max)}` : f.min !== undefined ? `不低于 ${formatWan(f.min)}` : '未规定金额';
  return f.note ? `${range}（${f.note}）` : range;
}

function windowText(pack: Pack, program: Program): string {
  const w = program.window ?? pack.window;
  if (!w || (!w.opens && !w.closes)) return w?.note ?? '未规定';
  const opens = w.opens ? chinaDateTimeLabel(w.opens) : null;
  const closes = w.closes ? chinaDateTimeLabel(w.closes) : null;
  return `${opens ?? '即日'} 至 ${closes ?? '不限'}${w.note ? `（${w.note}）` : ''}`;
}

interface Props {
  pack: Pack;
  program: Program;
  selected: boolean;
  documentType: DocumentType | null;
  onChoose: (documentType: DocumentType) => void;
}

/** A program of the guideline: funding in 万元 and 资助形式, window, whether it accepts, document types, contacts. */
export function ProgramCard({ pack, program, selected, documentType, onChoose }: Props) {
  const contacts = program.contacts ?? pack.contacts ?? [];
  const first = program.documentTypes[0] ?? 'application';
  return (
    <Card
      size="small"
      data-testid={`program-${program.id}`}
      title={
        <Space>
          <span>{program.name}</span>
          {!program.accepting && <Tag color="warning">本次暂不受理</Tag>}
          {selected && <Tag color="blue">已选择</Tag>}
        </Space>
      }
      className={selected ? 'program-card program-card-selected' : 'program-card'}
      hoverable
      tabIndex={0}
      role="button"
      aria-pressed={selected}
      aria-label={`选择专项：${program.name}`}
      onClick={() => onChoose(selected && documentType ? documentType : first)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          onChoose(selected && documentType ? documentType : first);
        }
      }}
    >
      <Descriptions size="small" column={1}>
        <Descriptions.Item label="资助额度">{fundingText(program)}</Descriptions.Item>
        <Descriptions.Item label="资助形式">{program.funding?.forms.join('、') || '未规定'}</Descriptions.Item>
        <Descriptions.Item label="申报时间">{windowText(pack, program)}</Descriptions.Item>
        <Descriptions.Item label="材料类型">{program.documentTypes.map((t) => DOCUMENT_FULL_NAME[t]).join('、')}</Descriptions.Item>
        {!program.accepting && program.notAcceptingReason && <Descriptions.Item label="说明">{program.notAcceptingReason}</Descriptions.Item>}
        {contacts.length > 0 && (
          <Descriptions.Item label="联系方式">
            <Typography.Text>{contacts.map((c) => `${c.department}${c.people.length ? ` ${c.people.join('、')}` : ''}${c.phones.length ? ` ${c.phones.join('、')}` : ''}`).join('；')}</Typography.Text>
          </Descriptions.Item>
        )}
      </Descriptions>
      {selected && program.documentTypes.length > 1 && (
        <div onClick={(e) => e.stopPropagation()} onKeyDown={(e) => e.stopPropagation()}>
          <Radio.Group
            aria-label="材料类型"
            value={documentType}
            onChange={(e) => onChoose(e.target.value as DocumentType)}
            options={program.documentTypes.map((t) => ({ value: t, label: DOCUMENT_FULL_NAME[t] }))}
          />
        </div>
      )}
    </Card>
  );
}
