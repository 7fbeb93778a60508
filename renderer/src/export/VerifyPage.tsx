import { ArrowLeftOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Layout, List, Result, Space, Spin, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { describeRecheck, describeVerifyCounts } from '../../../shared/export/verifyCounts';
import { VERIFY_UPLOAD_MAX_BYTES } from '../../../shared/ipc/domains/export.contract';
import { call } from '../api/client';
import { useAppStore } from '../store';
import { readFileBase64 } from '../fields/readFileBase64';
import './export.css';

const MAX_MB = Math.floor(VERIFY_UPLOAD_MAX_BYTES / 1024 / 1024);

/** Installed guidelines by id, so a package names its guideline by title, not by its file id. */
function useGuidelineTitles(): Map<string, string> {
  const [titles, setTitles] = useState(new Map<string, string>());
  useEffect(() => {
    call('guidelinesList', {})
      .then((list) => setTitles(new Map(list.map((g) => [g.id, g.title]))))
      .catch(() => undefined);
  }, []);
  return titles;
}

/** 检查申报包: the user picks a .zip; the services check it exactly as `shenbao verify` does. */
export function VerifyPage() {
  const result = useAppStore((s) => s.verifyResult);
  const fileName = useAppStore((s) => s.verifyFileName);
  const error = useAppStore((s) => s.verifyError);
  const verifying = useAppStore((s) => s.verifying);
  const verifyUpload = useAppStore((s) => s.verifyUpload);
  const clear = useAppStore((s) => s.clearVerify);
  useEffect(() => clear, [clear]);
  const guidelineTitles = useGuidelineTitles();

  const pick = async (file: File): Promise<void> => {
    if (file.size > VERIFY_UPLOAD_MAX_BYTES) {
      useAppStore.setState({ verifyError: `申报包超过 ${MAX_MB} MB，请用命令行 shenbao verify 检查`, verifyResult: null, verifyFileName: file.name });
      return;
    }
    await verifyUpload(file.name, await readFileBase64(file));
  };

  return (
    <>
      <Layout.Header className="app-header">
        <Space>
          <Button icon={<ArrowLeftOutlined />} onClick={() => window.history.back()}>
            返回
          </Button>
          <Typography.Title level={4} className="app-brand">
            检查申报包
          </Typography.Title>
        </Space>
      </Layout.Header>
      <Layout.Content className="app-content export-page">
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Upload.Dragger
            accept=".zip,application/zip"
            showUploadList={false}
            multiple={false}
            disabled={verifying}
            beforeUpload={(file) => {
              void pick(file);
              return false;
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">选择或拖入申报包（.zip）</p>
            <p className="ant-upload-hint">核对每个文件的校验码、有无缺少或多出的文件，并按申报包所记的指南版本重新检查申报内容（上限 {MAX_MB} MB）。</p>
          </Upload.Dragger>
          {verifying && <Spin tip="正在检查…"><div className="export-spin" /></Spin>}
          {error && <Alert type="error" showIcon message={`「${fileName ?? ''}」无法检查`} description={error} data-testid="verify-error" />}
          {result && (
            <div data-testid="verify-result">
              <Result
                status={result.ok ? 'success' : 'error'}
                title={result.ok ? '通过：申报包完整，草稿符合指南' : '不通过：申报包已被改动或不符合要求'}
                subTitle={fileName ?? undefined}
              />
              <Descriptions size="small" column={2} bordered>
                <Descriptions.Item label="申报指南" span={2}>
                  {result.summary.packId ? `${guidelineTitles.get(result.summary.packId) ?? '本机未安装的指南'}（第 ${result.summary.packVersion ?? '—'} 版）` : '—'}
                </Descriptions.Item>
                <Descriptions.Item label="文件核对" span={2}>{describeVerifyCounts(result.summary)}</Descriptions.Item>
                <Descriptions.Item label="重新检查">
                  {describeRecheck(result.summary.validation)}
                </Descriptions.Item>
              </Descriptions>
              {result.problems.length > 0 && (
                <List
                  header="发现的问题"
                  bordered
                  dataSource={result.problems}
                  renderItem={(p) => (
                    <List.Item>
                      <Typography.Text type="danger">{p.message}</Typography.Text>
                    </List.Item>
                  )}
                />
              )}
            </div>
          )}
        </Space>
      </Layout.Content>
    </>
  );
}
