import { Button, Empty, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { DraftSummary } from '../../../shared/ipc/contract';
import { formatLocalTime } from './formatTime';

export interface DraftActions {
  onCreate: () => void;
  onOpen: (draft: DraftSummary) => void;
  onRename: (draft: DraftSummary) => void;
  onDuplicate: (draft: DraftSummary) => void;
  onExport: (draft: DraftSummary) => void;
  onDelete: (draft: DraftSummary) => void;
}

interface Props extends DraftActions {
  drafts: DraftSummary[];
  loading: boolean;
}

const STATUS_TAG = {
  editing: <Tag color="processing">编辑中</Tag>,
  final: <Tag color="success">已定稿</Tag>,
} as const;

export function DraftsTable({ drafts, loading, onCreate, ...actions }: Props) {
  const columns: ColumnsType<DraftSummary> = [
    {
      title: '项目名称',
      dataIndex: 'title',
      ellipsis: true,
      render: (_, draft) => <Typography.Link onClick={() => actions.onOpen(draft)}>{draft.title}</Typography.Link>,
    },
    {
      title: '计划类别',
      dataIndex: 'programName',
      width: 200,
      ellipsis: true,
      render: (name: string | null) => name ?? <Typography.Text type="secondary">未选择</Typography.Text>,
    },
    {
      title: '最后编辑',
      dataIndex: 'updatedAt',
      width: 160,
      defaultSortOrder: 'descend',
      sorter: (a, b) => a.updatedAt.localeCompare(b.updatedAt),
      render: (iso: string) => formatLocalTime(iso),
    },
    {
      title: '状态',
      dataIndex: 'status',
      width: 90,
      render: (status: DraftSummary['status']) => STATUS_TAG[status],
    },
    {
      title: '操作',
      key: 'actions',
      width: 300,
      render: (_, draft) => (
        <Space size={0} wrap={false}>
          <Button type="link" size="small" onClick={() => actions.onOpen(draft)}>
            打开
          </Button>
          <Button type="link" size="small" onClick={() => actions.onRename(draft)}>
            重命名
          </Button>
          <Button type="link" size="small" onClick={() => actions.onDuplicate(draft)}>
            复制
          </Button>
          <Button type="link" size="small" onClick={() => actions.onExport(draft)}>
            导出
          </Button>
          <Button type="link" size="small" danger onClick={() => actions.onDelete(draft)}>
            删除
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <Table<DraftSummary>
      rowKey="id"
      columns={columns}
      dataSource={drafts}
      loading={loading}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      locale={{
        emptyText: loading ? (
          <div className="drafts-loading" />
        ) : (
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description="还没有草稿。点击「新建申报书」开始填写，或导入已有的草稿文件。"
          >
            <Button type="primary" onClick={onCreate}>
              新建申报书
            </Button>
          </Empty>
        ),
      }}
    />
  );
}
