import { Alert, Checkbox, Form, Input, List, Select, Space, Typography } from 'antd';
import { CARRY_OVER_GROUPS, type CarryOverGroup, type CarryOverResult } from '../../../shared/carryOver';
import type { DraftSummary } from '../../../shared/ipc/contract';
import { ProfilePicker } from '../profiles';
import { useAppStore } from '../store';

interface Props {
  drafts: DraftSummary[];
  carry: CarryOverResult | null;
  carryError: string | null;
}

/** 从已有草稿复制 and 使用单位/个人档案, then the project name. */
export function StartStep({ drafts, carry, carryError }: Props) {
  const state = useAppStore((s) => s.newDraft);
  const update = useAppStore((s) => s.updateNewDraft);
  const groups = (state.copyFrom?.groups ?? CARRY_OVER_GROUPS.map((g) => g.id)) as CarryOverGroup[];
  return (
    <Form layout="vertical" className="start-step">
      <Form.Item label="项目名称（可稍后填写）" htmlFor="nd-project-name">
        <Input id="nd-project-name" maxLength={60} value={state.projectName} onChange={(e) => update({ projectName: e.target.value })} />
      </Form.Item>
      <Form.Item label="从已有草稿复制（可选）" htmlFor="nd-copy-from" help="复制申报单位、项目负责人、项目组成员、合作单位和项目内容；不同指南中没有的字段会列出，不会悄悄丢掉">
        <Select
          id="nd-copy-from"
          aria-label="从已有草稿复制"
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder={drafts.length === 0 ? '还没有草稿' : '选择一份草稿'}
          value={state.copyFrom?.draftId}
          options={drafts.map((d) => ({ value: d.id, label: `${d.title}（${d.packTitle ?? '未选择指南'}${d.programName ? ` · ${d.programName}` : ''}）` }))}
          onChange={(id: string | undefined) => update({ copyFrom: id ? { draftId: id, groups } : null })}
        />
      </Form.Item>
      {state.copyFrom && (
        <Space direction="vertical" style={{ width: '100%', marginBottom: 16 }}>
          <Checkbox.Group
            aria-label="复制哪些内容"
            value={groups}
            options={CARRY_OVER_GROUPS.map((g) => ({ value: g.id, label: g.label }))}
            onChange={(v) => update({ copyFrom: state.copyFrom ? { ...state.copyFrom, groups: v as string[] } : null })}
          />
          {carryError && <Alert type="error" showIcon message={`读取草稿失败：${carryError}`} />}
          {carry && <Typography.Text>将复制 {carry.copied} 项内容。</Typography.Text>}
          {carry && carry.dropped.length > 0 && (
            <Alert
              type="warning"
              showIcon
              message={`以下 ${carry.dropped.length} 项在新专项中没有对应字段，不会复制：`}
              description={
                <List
                  size="small"
                  data-testid="dropped-fields"
                  dataSource={carry.dropped}
                  renderItem={(d) => <List.Item key={d.id}>{d.label}</List.Item>}
                />
              }
            />
          )}
          {carry && carry.dropped.length === 0 && <Typography.Text type="secondary">所有已填写的内容在新专项中都有对应字段。</Typography.Text>}
        </Space>
      )}
      <Form.Item label="使用单位档案（可选）">
        <ProfilePicker kind="unit" value={state.unitProfileId} onPick={(p) => update({ unitProfileId: p.id })} />
      </Form.Item>
      <Form.Item label="使用个人档案（项目负责人，可选）">
        <ProfilePicker kind="person" value={state.personProfileId} onPick={(p) => update({ personProfileId: p.id })} />
      </Form.Item>
    </Form>
  );
}
