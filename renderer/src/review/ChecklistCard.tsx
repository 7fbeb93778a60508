import { CheckCircleTwoTone, CloseCircleTwoTone, MinusCircleOutlined } from '@ant-design/icons';
import { Card, Empty, Table, Tag, Typography } from 'antd';
import type { Draft } from '../../../shared/model/draft';
import type { AttachmentItem } from '../../../shared/pack/pack';
import { evalCondition } from '../../../shared/rules/condition';

interface Props {
  checklist: AttachmentItem[];
  draft: Draft;
}

interface Row {
  item: AttachmentItem;
  applies: boolean;
  files: string[];
}

/** 附件清单 with ticks: does each item apply to this application, and is a file provided. */
export function ChecklistCard({ checklist, draft }: Props) {
  const rows: Row[] = checklist.map((item) => ({
    item,
    applies: !item.when || evalCondition(item.when, draft),
    files: (Object.hasOwn(draft.attachments, item.id) ? (draft.attachments[item.id] ?? []) : []).map((f) => f.name),
  }));
  return (
    <Card size="small" title="附件清单" className="review-card" data-testid="review-checklist">
      {rows.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="本专项没有列出附件" />
      ) : (
        <Table<Row>
          size="small"
          pagination={false}
          rowKey={(r) => r.item.id}
          dataSource={rows}
          onRow={(r) => ({ 'data-item': r.item.id }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { title: '附件', key: 'name', render: (_, r) => <Typography.Text type={r.applies ? undefined : 'secondary'}>{r.item.name}</Typography.Text> },
            {
              title: '要求',
              key: 'required',
              width: 90,
              render: (_, r) => (!r.applies ? <Tag>不适用</Tag> : r.item.required ? <Tag color="red">必须</Tag> : <Tag>按需</Tag>),
            },
            {
              title: '已提供',
              key: 'provided',
              width: 220,
              render: (_, r) =>
                r.files.length > 0 ? (
                  <span aria-label="已提供">
                    <CheckCircleTwoTone twoToneColor="#52c41a" /> {r.files.join('、')}
                  </span>
                ) : r.applies && r.item.required ? (
                  <span aria-label="缺少">
                    <CloseCircleTwoTone twoToneColor="#ff4d4f" /> 未上传
                  </span>
                ) : (
                  <span aria-label="未上传">
                    <MinusCircleOutlined /> 未上传
                  </span>
                ),
            },
          ]}
        />
      )}
    </Card>
  );
}
