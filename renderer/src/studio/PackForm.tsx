import { Card, Form, Input, InputNumber, Space } from 'antd';
import { useEffect, useState } from 'react';
import { call } from '../api/client';
import type { StudioEdits } from '../../../shared/studio/studioEdits';
import type { StudioDraftFile } from '../../../shared/studio/studioFile';
import { FormEditor } from './FormEditor';
import { ProgramsCard } from './ProgramsCard';
import type { Studio } from './useStudio';

/** 指南信息 (id, title, version, year), the programs with their directions, and the 申报书 form. */
export function PackForm({ draft, edits, studio }: { draft: StudioDraftFile; edits: StudioEdits; studio: Studio }) {
  const { meta } = edits;
  const installed = useInstalledVersions(meta.id);
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card title="指南信息">
        <Form layout="vertical" style={{ maxWidth: 640 }}>
          <Form.Item label="指南包编号" extra="由小写字母、数字和连字符组成；同一指南的新版本用同一编号">
            <Input aria-label="指南包编号" value={meta.id} onChange={(e) => studio.setMeta({ ...meta, id: e.target.value.trim() })} />
          </Form.Item>
          <Form.Item label="指南名称">
            <Input aria-label="指南名称" value={meta.title} onChange={(e) => studio.setMeta({ ...meta, title: e.target.value })} />
          </Form.Item>
          <Form.Item
            label="版本号"
            extra={
              installed.length > 0
                ? `本机已安装这个指南包的 ${installed.join('、')} 版：保存为新版本请填写更高的版本号（如 1.1.0），已有草稿可选择升级`
                : '如 1.0.0；发布修订或补充通知时提高版本号（如 1.1.0），已有草稿可选择升级'
            }
          >
            <Input aria-label="版本号" value={meta.version} onChange={(e) => studio.setMeta({ ...meta, version: e.target.value.trim() })} />
          </Form.Item>
          <Form.Item label="年度">
            <InputNumber aria-label="年度" value={meta.year} min={2000} max={2100} onChange={(v) => v !== null && studio.setMeta({ ...meta, year: v })} />
          </Form.Item>
        </Form>
      </Card>
      <ProgramsCard draft={draft} edits={edits} studio={studio} />
      <FormEditor draft={draft} edits={edits} studio={studio} />
    </Space>
  );
}

/** The installed versions of the pack id being edited, so the user picks a new one. */
function useInstalledVersions(id: string): string[] {
  const [versions, setVersions] = useState<string[]>([]);
  useEffect(() => {
    let live = true;
    call('guidelinesList', {}).then(
      (list) => live && setVersions(list.find((g) => g.id === id)?.versions ?? []),
      () => live && setVersions([]),
    );
    return () => {
      live = false;
    };
  }, [id]);
  return versions;
}
