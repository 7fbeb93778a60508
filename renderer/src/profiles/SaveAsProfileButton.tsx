import { SaveOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import type { ProfileKind } from '../../../shared/ipc/domains/profiles.contract';
import type { FieldValue } from '../../../shared/model/draft';
import { errorMessage } from '../api/client';
import { useAppStore } from '../store';
import { defaultProfileName, PROFILE_KIND_LABEL, profileValuesOf } from './profileValues';

interface Props {
  kind: ProfileKind;
  /** The values to store; defaults to the open draft's values (edits included). */
  values?: Record<string, FieldValue>;
}

/** 「存为单位档案」/「存为个人档案」: stores the filled applicant.* or pi.* fields under a name. */
export function SaveAsProfileButton({ kind, values }: Props) {
  const { message } = App.useApp();
  const draftValues = useAppStore((s) => s.current?.draft.values);
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [saving, setSaving] = useState(false);
  const source = values ?? draftValues ?? {};
  const picked = profileValuesOf(kind, source);
  const count = Object.keys(picked).length;
  const label = PROFILE_KIND_LABEL[kind];

  const show = (): void => {
    setName(defaultProfileName(kind, source));
    setOpen(true);
  };

  const save = async (): Promise<void> => {
    if (name.trim() === '') {
      void message.error('请填写档案名称');
      return;
    }
    setSaving(true);
    try {
      const existed = useAppStore.getState().profiles.some((p) => p.kind === kind && p.name === name.trim());
      await useAppStore.getState().saveProfile(kind, name.trim(), picked);
      void message.success(existed ? `已更新${label}「${name.trim()}」` : `已存为${label}「${name.trim()}」`);
      setOpen(false);
    } catch (e) {
      void message.error(`保存${label}失败：${errorMessage(e)}`);
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <Button icon={<SaveOutlined />} onClick={show} disabled={count === 0} title={count === 0 ? '请先填写后再存为档案' : undefined}>
        存为{label}
      </Button>
      <Modal
        title={`存为${label}`}
        open={open}
        okText="保存"
        cancelText="取消"
        confirmLoading={saving}
        onOk={() => void save()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Form layout="vertical" onFinish={() => void save()}>
          <Form.Item label="档案名称" required help="与已有档案同名时将更新该档案">
            <Input autoFocus value={name} maxLength={100} onChange={(e) => setName(e.target.value)} aria-label="档案名称" />
          </Form.Item>
        </Form>
        <Typography.Text type="secondary">将保存已填写的 {count} 项内容，新建申报书时可直接选用。</Typography.Text>
      </Modal>
    </>
  );
}
