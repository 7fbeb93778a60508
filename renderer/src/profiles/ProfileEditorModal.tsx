import { App, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import type { Profile, ProfileKind } from '../../../shared/ipc/domains/profiles.contract';
import type { FieldValue } from '../../../shared/model/draft';
import { errorMessage } from '../api/client';
import { RegionCascader } from '../fields/RegionInput';
import { useAppStore } from '../store';
import { profileFieldsOf, profileValueProblem } from './profileFields';
import { PROFILE_KIND_LABEL } from './profileValues';

interface Props {
  kind: ProfileKind;
  /** Editing this profile; absent when creating a new one. */
  profile?: Profile;
  onClose: () => void;
}

/** 新建 / 编辑 a unit or person profile on the 档案 page, with the same format checks as the form. */
export function ProfileEditorModal({ kind, profile, onClose }: Props) {
  const { message } = App.useApp();
  const fields = profileFieldsOf(kind);
  const label = PROFILE_KIND_LABEL[kind];
  const [name, setName] = useState(profile?.name ?? '');
  const [values, setValues] = useState<Record<string, FieldValue>>(() => ({ ...(profile?.values ?? {}) }));
  const [saving, setSaving] = useState(false);
  const [tried, setTried] = useState(false);

  const text = (id: string): string => {
    const v = values[id];
    return typeof v === 'string' ? v : v === undefined ? '' : String(v);
  };
  const problems = new Map(fields.map((f) => [f.id, profileValueProblem(f, text(f.id))] as const).filter(([, p]) => p !== null));

  const save = async (): Promise<void> => {
    setTried(true);
    if (name.trim() === '') return void message.error('请填写档案名称');
    if (problems.size > 0) return void message.error('请先改正标红的内容');
    const filled = Object.fromEntries(Object.entries(values).filter(([, v]) => typeof v !== 'string' || v.trim() !== ''));
    if (Object.keys(filled).length === 0) return void message.error('档案内容为空：请至少填写一项');
    setSaving(true);
    try {
      await useAppStore.getState().saveProfile(kind, name.trim(), filled, profile?.id);
      void message.success(profile ? `已更新${label}「${name.trim()}」` : `已新建${label}「${name.trim()}」`);
      onClose();
    } catch (e) {
      void message.error(`保存${label}失败：${errorMessage(e)}`);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={profile ? `编辑${label}` : `新建${label}`}
      okText="保存"
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => void save()}
      onCancel={onClose}
      width={640}
      destroyOnHidden
    >
      <Form layout="vertical" component="div">
        <Form.Item label="档案名称" required validateStatus={tried && name.trim() === '' ? 'error' : undefined} help={tried && name.trim() === '' ? '请填写档案名称' : '如单位全称或人员姓名，新建申报书时按名称选用'}>
          <Input value={name} maxLength={100} onChange={(e) => setName(e.target.value)} aria-label="档案名称" />
        </Form.Item>
        {fields.map((f) => {
          const problem = problems.get(f.id);
          return (
            <Form.Item key={f.id} label={f.label} validateStatus={problem ? 'error' : undefined} help={problem ?? f.help}>
              {f.kind === 'region' ? (
                <RegionCascader id={`profile-${f.id}`} ariaLabel={f.label} value={text(f.id)} onChange={(code) => setValues((s) => ({ ...s, [f.id]: code ?? '' }))} />
              ) : f.kind === 'select' ? (
                <Select
                  aria-label={f.label}
                  allowClear
                  showSearch
                  optionFilterProp="label"
                  value={typeof values[f.id] === 'string' && values[f.id] !== '' ? (values[f.id] as string) : undefined}
                  options={f.options}
                  placeholder="请选择"
                  onChange={(v: string | undefined) => setValues((s) => ({ ...s, [f.id]: v ?? '' }))}
                />
              ) : (
                <Input aria-label={f.label} value={text(f.id)} maxLength={f.maxChars ?? 200} onChange={(e) => setValues((s) => ({ ...s, [f.id]: e.target.value }))} />
              )}
            </Form.Item>
          );
        })}
      </Form>
    </Modal>
  );
}
