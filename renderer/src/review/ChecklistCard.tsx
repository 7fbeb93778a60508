import { CheckCircleTwoTone, CloseCircleTwoTone, MinusCircleOutlined } from '@ant-design/icons';
import { Card, Empty, Table, Tag, Typography } from 'antd';
import type { Draft } from '../../../shared/model/draft';
import type { AttachmentItem } from '../../../shared/pack/pack';
import type { RuleResult } from '../../../shared/rules/types';

interface Props {
  checklist: AttachmentItem[];
  draft: Draft;
  /** The one result list: whether an item applies, is required and is in order comes from it. */
  results: readonly RuleResult[];
}

interface Row {
  item: AttachmentItem;
  /** 必须 (its presence rule applies), 不适用 (the rule says it does not), 待定 (waiting for 单位性质…) or 按需. */
  requirement: 'required' | 'notApplicable' | 'pending' | 'optional';
  files: string[];
  /** The failed presence or files check, when there is one. */
  problem: string | null;
}

/** 附件清单 with ticks, read from the results: an item is never both 必须 and 不适用. */
export function ChecklistCard({ checklist, draft, results }: Props) {
  const byId = new Map(results.map((r) => [r.ruleId, r]));
  const rows: Row[] = checklist.map((item) => {
    const present = byId.get(`${item.id}.present`);
    const filesCheck = byId.get(`form.files.${item.id}`);
    const requirement: Row['requirement'] = !present ? 'optional' : present.outcome === 'notApplicable' ? 'notApplicable' : present.outcome === 'pending' ? 'pending' : 'required';
    const failed = [filesCheck, present].find((r) => r && (r.outcome === 'fail' || r.outcome === 'pending'));
    return {
      item,
      requirement,
      files: (Object.hasOwn(draft.attachments, item.id) ? (draft.attachments[item.id] ?? []) : []).map((f) => f.name),
      problem: failed?.message ?? null,
    };
  });
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
            { title: '附件', key: 'name', render: (_, r) => <Typography.Text type={r.requirement === 'notApplicable' ? 'secondary' : undefined}>{r.item.name}</Typography.Text> },
            {
              title: '要求',
              key: 'required',
              width: 90,
              render: (_, r) =>
                r.requirement === 'notApplicable' ? <Tag>不适用</Tag> : r.requirement === 'required' ? <Tag color="red">必须</Tag> : r.requirement === 'pending' ? <Tag>待定</Tag> : <Tag>按需</Tag>,
            },
            {
              title: '已提供',
              key: 'provided',
              width: 220,
              render: (_, r) =>
                r.problem !== null && r.files.length > 0 ? (
                  <span aria-label="有问题" title={r.problem}>
                    <CloseCircleTwoTone twoToneColor="#ff4d4f" /> {r.problem}
                  </span>
                ) : r.files.length > 0 ? (
                  <span aria-label="已提供">
                    <CheckCircleTwoTone twoToneColor="#52c41a" /> {r.files.join('、')}
                  </span>
                ) : r.requirement === 'required' ? (
                  <span aria-label="缺少">
                    <MinusCircleOutlined /> 待上传
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
