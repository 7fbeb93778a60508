import { Button, Card, Empty, Input, Radio, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { StudioEdits } from '../../../shared/studio/studioEdits';
import type { Unrecognized } from '../../../shared/studio/types';
import type { Studio, UnrecognizedDecision } from './useStudio';

function RequirementCard({ index, item, decision, onDecide }: { index: number; item: Unrecognized; decision: UnrecognizedDecision | undefined; onDecide: Studio['decideRequirement'] }) {
  const [action, setAction] = useState<UnrecognizedDecision['action']>(decision?.action ?? 'declaration');
  const [declaration, setDeclaration] = useState(decision?.action === 'declaration' ? decision.text : `本单位承诺：${item.quote.replace(/^\s*[（(]?[一二三四五六七八九十\d]+[）)、.．]\s*/, '').trim()}`);
  const [reason, setReason] = useState(decision?.action === 'notCheckable' ? decision.reason : '');
  const value = action === 'declaration' ? declaration : reason;
  return (
    <Card
      size="small"
      role="group"
      aria-label={`未识别的要求 ${index + 1}`}
      title={
        <Space wrap>
          <span>{item.path || '（通知开头）'}</span>
          {decision?.action === 'declaration' && <Tag color="green">已改为承诺</Tag>}
          {decision?.action === 'notCheckable' && <Tag color="blue">已标为无法离线检查</Tag>}
          {!decision && <Tag color="gold">待处理</Tag>}
        </Space>
      }
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text className="studio-quote">{item.quote}</Typography.Text>
        <Typography.Text type="secondary">{item.reason}</Typography.Text>
        <Radio.Group value={action} onChange={(e) => setAction(e.target.value as UnrecognizedDecision['action'])}>
          <Radio value="declaration">改为承诺</Radio>
          <Radio value="notCheckable">无法离线检查</Radio>
        </Radio.Group>
        {action === 'declaration' ? (
          <Input.TextArea aria-label="承诺内容" rows={2} value={declaration} onChange={(e) => setDeclaration(e.target.value)} />
        ) : (
          <Input aria-label="无法离线检查的原因" value={reason} placeholder="例如：须由专家评审判断" onChange={(e) => setReason(e.target.value)} />
        )}
        <Space>
          <Button
            type="primary"
            size="small"
            disabled={value.trim() === ''}
            onClick={() => onDecide(index, action === 'declaration' ? { action, text: declaration.trim() } : { action, reason: reason.trim() })}
          >
            确定
          </Button>
          {decision && (
            <Button size="small" onClick={() => onDecide(index, null)}>
              撤销处理
            </Button>
          )}
        </Space>
      </Space>
    </Card>
  );
}

/** Requirements no recognizer understood: each becomes a 承诺 or is marked 无法离线检查 with a reason; none is dropped. */
export function UnrecognizedList({ items, edits, studio }: { items: Unrecognized[]; edits: StudioEdits; studio: Studio }) {
  if (items.length === 0) return <Empty description="所有要求句都有规则建议" />;
  const pending = items.filter((_, i) => !edits.unrecognized[`u${i}`]).length;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Text>
        以下 {items.length} 条要求没有识别出可检查的规则。请把每条改为承诺，或标为无法离线检查并写明原因。
        {pending > 0 ? `还有 ${pending} 条待处理：保存时它们在指南包中记为「尚未处理」，不会被丢掉。` : '已全部处理。'}
      </Typography.Text>
      {items.map((item, i) => (
        <RequirementCard key={`${item.start}-${item.end}`} index={i} item={item} decision={edits.unrecognized[`u${i}`]} onDecide={studio.decideRequirement} />
      ))}
    </Space>
  );
}
