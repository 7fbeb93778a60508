import { Alert, Card, Form, Input, Radio, Select, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { UNIT_TYPES } from '../../../shared/pack/defaultTemplate';
import { SEVERITY_LABELS, type RuleResult } from '../../../shared/rules/types';
import { studioPackFromNotice, type StudioEdits } from '../../../shared/studio/studioEdits';
import type { StudioDraftFile } from '../../../shared/studio/studioFile';
import { tryPack, type TryValues } from '../../../shared/studio/tryDraft';

const ORDER: Record<RuleResult['outcome'], number> = { fail: 0, pending: 1, pass: 2, met: 2, notApplicable: 3 };

function OutcomeTag({ result }: { result: RuleResult }) {
  if (result.outcome === 'fail') return <Tag color={result.severity === 'error' ? 'red' : result.severity === 'warning' ? 'orange' : 'blue'}>{`触发（${SEVERITY_LABELS[result.severity]}）`}</Tag>;
  if (result.outcome === 'pending') return <Tag color="gold">缺少试填内容</Tag>;
  if (result.outcome === 'notApplicable') return <Tag>不适用</Tag>;
  return <Tag color="green">通过</Tag>;
}

/** China's date, as the wizard validates. */
const chinaToday = (): string => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

/**
 * 试填: a few values of a test 申报书 and the rules of the pack as decided so far (accepted
 * proposals, with their edits), evaluated by the wizard's own engine. Nothing is saved; the values
 * are kept by the page while the user goes back to change decisions.
 */
export function TryPanel({ draft, edits, values, onValues }: { draft: StudioDraftFile; edits: StudioEdits; values: TryValues; onValues: (change: (v: TryValues) => TryValues) => void }) {
  const set = (key: keyof TryValues) => (value: string) => onValues((v) => ({ ...v, [key]: value }));
  const pack = useMemo(() => studioPackFromNotice(draft.notice.text, edits).pack, [draft, edits]);
  const [programId, setProgramId] = useState<string | undefined>(undefined);
  const program = pack.programs.find((p) => p.id === programId) ?? pack.programs[0];
  const outcome = useMemo(() => tryPack(pack, values, chinaToday(), program?.id), [pack, values, program]);
  const accepted = (pack.rules?.length ?? 0) + (program?.rules.length ?? 0);
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Paragraph>
        在一份试填的申报书中填几项内容，看看本指南包（只含已接受的建议，按修改后的参数）哪些规则会触发。试填内容不保存，也不会成为草稿。
      </Typography.Paragraph>
      <Card size="small" title="试填内容">
        <Form layout="vertical" style={{ maxWidth: 560 }}>
          {pack.programs.length > 1 && (
            <Form.Item label="试填的专项">
              <Select aria-label="试填的专项" value={program?.id} onChange={setProgramId} options={pack.programs.map((p) => ({ value: p.id, label: p.name }))} />
            </Form.Item>
          )}
          <Form.Item label="项目负责人身份证号码" htmlFor="try-id">
            <Input id="try-id" value={values.idNumber} onChange={(e) => set('idNumber')(e.target.value)} placeholder="按身份证号中的出生日期计算年龄" />
          </Form.Item>
          <Form.Item label="申报单位性质">
            <Radio.Group aria-label="申报单位性质" value={values.unitType} onChange={(e) => set('unitType')(e.target.value as string)} options={UNIT_TYPES.map((o) => ({ value: o.value, label: o.label }))} />
          </Form.Item>
          <Space wrap>
            <Form.Item label="申请财政资金（万元）" htmlFor="try-fiscal">
              <Input id="try-fiscal" value={values.fiscalWan} onChange={(e) => set('fiscalWan')(e.target.value)} />
            </Form.Item>
            <Form.Item label="自筹资金（万元）" htmlFor="try-self">
              <Input id="try-self" value={values.selfRaisedWan} onChange={(e) => set('selfRaisedWan')(e.target.value)} />
            </Form.Item>
          </Space>
          <Space wrap>
            <Form.Item label="开始年月" htmlFor="try-start">
              <Input id="try-start" value={values.start} onChange={(e) => set('start')(e.target.value)} placeholder="年-月，如 2027-06" />
            </Form.Item>
            <Form.Item label="结束年月" htmlFor="try-end">
              <Input id="try-end" value={values.end} onChange={(e) => set('end')(e.target.value)} placeholder="年-月，如 2029-05" />
            </Form.Item>
          </Space>
        </Form>
      </Card>
      {!outcome.ok ? (
        <Alert type="warning" showIcon message={outcome.problem} />
      ) : accepted === 0 ? (
        <Alert type="info" showIcon message="还没有接受任何规则建议，没有可试的规则" />
      ) : (
        <section aria-label="试填结果">
          <Typography.Title level={5}>
            已接受的规则 {accepted} 条，试填结果：触发 {outcome.results.filter((r) => r.outcome === 'fail').length} 条
          </Typography.Title>
          <Space direction="vertical" style={{ width: '100%' }}>
            {[...outcome.results]
              .sort((a, b) => ORDER[a.outcome] - ORDER[b.outcome])
              .map((r) => (
                <Card key={r.ruleId} size="small" role="group" aria-label={`试填结果：${r.ruleId}`}>
                  <Space direction="vertical" size={0} style={{ width: '100%' }}>
                    <Space wrap>
                      <OutcomeTag result={r} />
                      <Typography.Text>{r.message}</Typography.Text>
                    </Space>
                    <Typography.Text type="secondary">{r.citation.clause}</Typography.Text>
                    <Typography.Text className="studio-quote">{r.citation.quote}</Typography.Text>
                  </Space>
                </Card>
              ))}
          </Space>
        </section>
      )}
    </Space>
  );
}
