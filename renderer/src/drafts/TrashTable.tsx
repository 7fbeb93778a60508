import { Button, Empty, Popconfirm, Space, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { DraftPage, DraftSummary } from '../../../shared/ipc/contract';
import { formatLocalTime } from './formatTime';

interface Props {
  /** One page of the trash, from the services. */
  trash: DraftPage;
  page: number;
  pageSize: number;
  onPage: (page: number) => void;
  onRestore: (draft: DraftSummary) => void;
  onPurge: (draft: DraftSummary) => void;
}

export function TrashTable({ trash, page, pageSize, onPage, onRestore, onPurge }: Props) {
  const columns: ColumnsType<DraftSummary> = [
    { title: '项目名称', dataIndex: 'title', ellipsis: true },
    { title: '删除时间', dataIndex: 'deletedAt', width: 180, render: (iso: string | null) => formatLocalTime(iso) },
    {
      title: '操作',
      key: 'actions',
      width: 200,
      render: (_, draft) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => onRestore(draft)}>
            恢复
          </Button>
          <Popconfirm
            title="彻底删除"
            description={`「${draft.title}」将被永久删除，无法恢复。确定吗？`}
            okText="彻底删除"
            okButtonProps={{ danger: true }}
            cancelText="取消"
            onConfirm={() => onPurge(draft)}
          >
            <Button type="link" size="small" danger>
              彻底删除
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <Table<DraftSummary>
      rowKey="id"
      columns={columns}
      dataSource={trash.rows}
      pagination={{ current: page, pageSize, total: trash.total, hideOnSinglePage: true, showSizeChanger: false, onChange: onPage }}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="回收站是空的。删除的草稿会先放在这里，可以随时恢复。" /> }}
    />
  );
}
