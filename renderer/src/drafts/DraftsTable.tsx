import { MoreOutlined } from '@ant-design/icons';
import { Button, Dropdown, Empty, Progress, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType, SortOrder } from 'antd/es/table/interface';
import type { DraftSort, DraftSummary } from '../../../shared/ipc/contract';
import { deadlineLabel, type DeadlineStateKind } from '../../../shared/progress/deadline';
import { ExportMenu } from '../export/ExportMenu';
import { formatLocalTime } from './formatTime';
import { RecoverDraftButton } from './RecoverDraftButton';
import { DOCUMENT_FULL_NAME } from '../../../shared/model/draftNames';

const DEADLINE_COLOR: Record<DeadlineStateKind, string> = { open: 'green', closed: 'default', notYetOpen: 'blue', none: 'default' };

export interface DraftActions {
  onCreate: () => void;
  onOpen: (draft: DraftSummary) => void;
  onRename: (draft: DraftSummary) => void;
  onDuplicate: (draft: DraftSummary) => void;
  onExportData: (draft: DraftSummary) => void;
  onDelete: (draft: DraftSummary) => void;
}

/** The page of the services' list the table shows; paging and sorting are done by the services. */
export interface DraftsPaging {
  page: number;
  pageSize: number;
  /** Drafts that match the search and filters, on every page. */
  total: number;
  sort: DraftSort;
  onChange: (page: number, sort: DraftSort) => void;
}

interface Props extends DraftActions {
  drafts: DraftSummary[];
  loading: boolean;
  /** True when search or filters hide some drafts: the empty state then says so instead of advising 新建. */
  filtered?: boolean;
  paging: DraftsPaging;
}

const orderOf = (sort: DraftSort, column: 'updated' | 'completion'): SortOrder =>
  sort === `${column}Desc` ? 'descend' : sort === `${column}Asc` ? 'ascend' : null;

function sortOf(column: unknown, order: SortOrder | undefined): DraftSort {
  if (column === 'completion' && order) return order === 'ascend' ? 'completionAsc' : 'completionDesc';
  if (column === 'updatedAt' && order === 'ascend') return 'updatedAsc';
  return 'updatedDesc';
}

const STATUS_TAG = {
  editing: <Tag color="processing">编辑中</Tag>,
  final: <Tag color="success">已定稿</Tag>,
} as const;

export function DraftsTable({ drafts, loading, filtered = false, paging, onCreate, ...actions }: Props) {
  const columns: ColumnsType<DraftSummary> = [
    {
      title: '项目名称',
      dataIndex: 'title',
      // Flexible: the column takes the width the fixed ones leave, and never less than about 16 characters.
      onCell: () => ({ className: 'draft-title-cell' }),
      render: (_, draft) => (
        <div className="draft-title">
          <Tooltip title={draft.title} placement="topLeft" mouseEnterDelay={0.4}>
            <Typography.Link className="draft-title-link" onClick={() => actions.onOpen(draft)}>
              {draft.title}
            </Typography.Link>
          </Tooltip>
          {draft.unitName && <div className="draft-unit">{draft.unitName}</div>}
        </div>
      ),
    },
    {
      title: '指南与计划类别',
      dataIndex: 'programName',
      width: 180,
      ellipsis: true,
      render: (_, d) =>
        d.programName ? (
          <div>
            <div>{d.programName}</div>
            <div className="draft-unit">{d.packTitle}</div>
          </div>
        ) : (
          <Typography.Text type="secondary">未选择</Typography.Text>
        ),
    },
    {
      title: '类型',
      dataIndex: 'documentType',
      width: 84,
      render: (t: DraftSummary['documentType']) => (t ? DOCUMENT_FULL_NAME[t] : '—'),
    },
    {
      title: '完成度',
      dataIndex: 'completion',
      width: 96,
      key: 'completion',
      sorter: true,
      sortOrder: orderOf(paging.sort, 'completion'),
      render: (c: number | undefined, d) => (d.packId ? <Progress percent={c ?? 0} size="small" aria-label={`完成度 ${c ?? 0}%`} /> : '—'),
    },
    {
      title: '问题',
      key: 'issues',
      width: 132,
      render: (_, d) =>
        d.packId ? (
          <Space size={2} wrap>
            {(d.incompleteCount ?? 0) > 0 && <Tag>待填写 {d.incompleteCount}</Tag>}
            <Tag color={d.errorCount ? 'error' : 'default'}>错误 {d.errorCount ?? 0}</Tag>
            <Tag color={d.warningCount ? 'warning' : 'default'}>警告 {d.warningCount ?? 0}</Tag>
          </Space>
        ) : (
          '—'
        ),
    },
    {
      title: '截止',
      key: 'deadline',
      width: 96,
      render: (_, d) => (d.deadline ? <Tag color={DEADLINE_COLOR[d.deadline.state]}>{deadlineLabel(d.deadline)}</Tag> : '—'),
    },
    {
      title: '最后编辑',
      dataIndex: 'updatedAt',
      width: 140,
      key: 'updatedAt',
      sorter: true,
      // Newest first is the list's own order: the first click turns it round, the next turns it back.
      sortDirections: ['descend', 'ascend'],
      sortOrder: orderOf(paging.sort, 'updated'),
      render: (iso: string) => formatLocalTime(iso),
    },
    {
      title: '状态',
      dataIndex: 'status',
      width: 76,
      render: (status: DraftSummary['status'], d) =>
        d.damage === undefined ? (
          STATUS_TAG[status]
        ) : (
          <Tooltip title={d.damage}>
            <Tag color="error">已损坏</Tag>
          </Tooltip>
        ),
    },
    {
      title: '操作',
      key: 'actions',
      width: 170,
      render: (_, draft) => (
        <Space size={0} wrap={false}>
          {draft.damage !== undefined && <RecoverDraftButton draft={draft} />}
          <Button type="link" size="small" onClick={() => actions.onOpen(draft)}>
            打开
          </Button>
          <ExportMenu draftId={draft.id} size="small" type="link" onExportData={() => actions.onExportData(draft)} />
          <Dropdown
            trigger={['click']}
            menu={{
              items: [
                { key: 'rename', label: '重命名' },
                { key: 'duplicate', label: '复制' },
                { type: 'divider' },
                { key: 'delete', label: '删除', danger: true },
              ],
              onClick: ({ key }) => {
                if (key === 'rename') actions.onRename(draft);
                else if (key === 'duplicate') actions.onDuplicate(draft);
                else if (key === 'delete') actions.onDelete(draft);
              },
            }}
          >
            <Button type="link" size="small" icon={<MoreOutlined />} aria-label="更多操作" />
          </Dropdown>
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
      pagination={{
        current: paging.page,
        pageSize: paging.pageSize,
        total: paging.total,
        showSizeChanger: false,
        showTotal: (n) => `共 ${n} 份`,
        hideOnSinglePage: paging.total === 0,
      }}
      onChange={(pagination, _filters, sorter) => {
        const one = Array.isArray(sorter) ? sorter[0] : sorter;
        const sort = sortOf(one?.columnKey, one?.order);
        // A new order starts again at the first page.
        paging.onChange(sort === paging.sort ? (pagination.current ?? 1) : 1, sort);
      }}
      locale={{
        emptyText: loading ? (
          <div className="drafts-loading" />
        ) : filtered ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有符合搜索或筛选条件的草稿" />
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
