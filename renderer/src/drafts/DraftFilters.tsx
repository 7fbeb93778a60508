import { Checkbox, Input, Select, Space } from 'antd';
import type { DraftPage, DraftSummary } from '../../../shared/ipc/contract';
import type { DraftFilter } from '../../../shared/model/draftFilter';

interface Props {
  /** The guidelines the drafts use (all of them, not only the page's). */
  packs: DraftPage['packs'];
  value: DraftFilter;
  onChange: (f: DraftFilter) => void;
}

/** Search and filters of the home page. */
export function DraftFilters({ packs, value, onChange }: Props) {
  return (
    <Space wrap className="draft-filters" style={{ marginBottom: 12 }}>
      <Input.Search
        allowClear
        aria-label="搜索草稿"
        placeholder="搜索项目名称、申报单位、计划类别"
        style={{ width: 300 }}
        value={value.query}
        onChange={(e) => onChange({ ...value, query: e.target.value })}
      />
      <Select
        aria-label="按申报指南筛选"
        allowClear
        placeholder="全部指南"
        style={{ width: 260 }}
        value={value.packId ?? undefined}
        options={packs.map(({ id, title }) => ({ value: id, label: title ?? id }))}
        onChange={(id: string | undefined) => onChange({ ...value, packId: id ?? null })}
      />
      <Select
        aria-label="按状态筛选"
        allowClear
        placeholder="全部状态"
        style={{ width: 120 }}
        value={value.status ?? undefined}
        options={[
          { value: 'editing', label: '编辑中' },
          { value: 'final', label: '已定稿' },
        ]}
        onChange={(s: DraftSummary['status'] | undefined) => onChange({ ...value, status: s ?? null })}
      />
      <Checkbox checked={value.onlyWithErrors} onChange={(e) => onChange({ ...value, onlyWithErrors: e.target.checked })}>
        只看有错误的
      </Checkbox>
    </Space>
  );
}
