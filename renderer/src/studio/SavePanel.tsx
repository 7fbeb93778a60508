import { Alert, Button, Result, Space, Table, Tag, Typography } from 'antd';
import type { StudioCheck } from '../../../shared/ipc/domains/studio.contract';
import { SEVERITY_NAMES } from '../../../shared/studio/kindNames';
import type { StudioCoverageRow } from '../../../shared/studio/studioCoverage';
import { downloadBlob } from '../export/downloadBytes';
import type { StudioState } from './useStudio';

const COVERAGE_NAMES: Record<StudioCoverageRow['coverage'], string> = { rules: '规则', declaration: '承诺', notCheckable: '无法离线检查', informative: '说明性条款' };

function CoverageTable({ result }: { result: StudioCheck }) {
  const { counts, rows } = result.coverage;
  return (
    <section aria-label="规则覆盖表">
      <Typography.Title level={5}>规则覆盖表</Typography.Title>
      <Typography.Paragraph>
        要求条款 {counts.requirements} 条：规则 {counts.rules}，承诺 {counts.declaration}，无法离线检查 {counts.notCheckable}；说明性条款 {counts.informative} 条。
      </Typography.Paragraph>
      <Table<StudioCoverageRow>
        size="small"
        rowKey="clauseId"
        pagination={false}
        dataSource={rows}
        columns={[
          { title: '条款', key: 'path', width: 200, render: (_, r) => r.path || r.clauseId },
          { title: '原文', key: 'quote', render: (_, r) => r.quote },
          {
            title: '覆盖',
            key: 'coverage',
            width: 320,
            render: (_, r) => (
              <Space direction="vertical" size={0}>
                <Tag>{COVERAGE_NAMES[r.coverage]}</Tag>
                {r.rules.map((rule) => (
                  <Typography.Text key={rule.id}>
                    {rule.message}（{SEVERITY_NAMES[rule.severity]}）
                  </Typography.Text>
                ))}
                {r.note && <Typography.Text type="secondary">{r.note}</Typography.Text>}
              </Space>
            ),
          },
        ]}
      />
    </section>
  );
}

/** 检查 and 保存为新版本: the import's checks with the place of each problem, the coverage table, and what was installed. */
export function SavePanel({ state, onCheck, onSave }: { state: StudioState; onCheck: () => void; onSave: () => void }) {
  const { result, edits } = state;
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Paragraph>
        保存前会做与导入指南包相同的检查（格式、引文是否出自通知原文、规则是否引用了存在的字段等）。没有问题时，保存为指南包「{edits.meta.id}」的 {edits.meta.version} 版，与已有的版本并存。
      </Typography.Paragraph>
      <Space>
        <Button loading={state.busy === 'check'} disabled={state.busy !== null} onClick={onCheck}>
          检查
        </Button>
        <Button type="primary" loading={state.busy === 'save'} disabled={state.busy !== null} onClick={onSave}>
          保存为新版本
        </Button>
      </Space>
      {state.error && <Alert type="error" showIcon message="操作未完成" description={state.error} />}
      {result?.installed && (
        <Result
          status="success"
          title={`已保存并安装指南包「${result.installed.title}」${result.installed.version} 版`}
          subTitle="现在可以在首页「新建申报书」中选择它。"
          extra={
            <Button type="primary" href="#/new">
              新建申报书
            </Button>
          }
        />
      )}
      {result && !result.installed && result.problems.length === 0 && <Alert type="success" showIcon message="检查通过：没有发现问题，可以保存" />}
      {result && result.problems.length > 0 && (
        <Alert
          type="error"
          showIcon
          message={`有 ${result.problems.length} 处问题，指南包未保存`}
          description={
            <ul className="studio-problems">
              {result.problems.map((p, i) => (
                <li key={i}>{p}</li>
              ))}
            </ul>
          }
        />
      )}
      {result && result.problems.length === 0 && state.draft && (
        <Space wrap>
          <Button onClick={() => downloadBlob('pack.json', new Blob([result.packJson], { type: 'application/json' }))}>导出指南包文件</Button>
          <Button onClick={() => state.draft && downloadBlob('source.txt', new Blob([state.draft.notice.text], { type: 'text/plain;charset=utf-8' }))}>导出通知原文</Button>
          <Typography.Text type="secondary">两个文件放在同一文件夹中，即可在其他电脑上导入这份指南包。</Typography.Text>
        </Space>
      )}
      {result && result.undecidedRequirements > 0 && (
        <Alert type="warning" showIcon message={`还有 ${result.undecidedRequirements} 条未识别的要求未处理：在指南包中记为「尚未处理」（无法离线检查），请尽量逐条处理`} />
      )}
      {result && <CoverageTable result={result} />}
    </Space>
  );
}
