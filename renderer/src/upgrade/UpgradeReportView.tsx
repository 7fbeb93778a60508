import { Descriptions, List, Typography } from 'antd';
import type { RuleChange, UpgradeReport } from '../../../shared/upgrade/upgradeReport';

function Changes({ title, items }: { title: string; items: RuleChange[] }) {
  if (items.length === 0) return null;
  return (
    <List
      size="small"
      header={<Typography.Text strong>{title}（{items.length}）</Typography.Text>}
      dataSource={items}
      renderItem={(c) => (
        <List.Item>
          <Typography.Text>
            {c.message}
            <Typography.Text type="secondary"> · 原文：{c.quote}</Typography.Text>
          </Typography.Text>
        </List.Item>
      )}
    />
  );
}

const none = (n: number, text: string): string => (n === 0 ? '无' : text);

/** What upgrading changes, shown before anything changes (and again after, in the message). */
export function UpgradeReportView({ report }: { report: UpgradeReport }) {
  const { rules } = report;
  const anyRule = rules.newErrors.length + rules.newWarnings.length + rules.nowPassing.length > 0;
  return (
    <div className="upgrade-report" aria-label="升级报告">
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label="新增的填写项">{none(report.fieldsAdded.length, report.fieldsAdded.map((f) => `${f.section} › ${f.label}`).join('、'))}</Descriptions.Item>
        <Descriptions.Item label="删除的填写项">{none(report.fieldsRemoved.length, report.fieldsRemoved.map((f) => `${f.section} › ${f.label}`).join('、'))}</Descriptions.Item>
        <Descriptions.Item label="改名的填写项">
          {none(
            report.fieldsRenamed.length + report.fieldsRelabeled.length,
            [...report.fieldsRenamed.map((r) => `${r.from.label} → ${r.to.label}${r.moved ? '（内容随之移过去）' : ''}`), ...report.fieldsRelabeled.map((r) => `${r.from} → ${r.to}`)].join('、'),
          )}
        </Descriptions.Item>
        <Descriptions.Item label="保留的旧内容">
          {report.kept.length === 0 ? (
            '无'
          ) : (
            <>
              <Typography.Paragraph>下列内容在新版申报书中没有对应的位置，不会删除，会列在草稿的「保留的旧内容」中：</Typography.Paragraph>
              <ul className="upgrade-kept">
                {report.kept.map((k) => (
                  <li key={k.id}>
                    {k.label}：{k.text}（{k.why}）
                  </li>
                ))}
              </ul>
            </>
          )}
        </Descriptions.Item>
      </Descriptions>
      {anyRule ? (
        <>
          <Changes title="新出现的错误" items={rules.newErrors} />
          <Changes title="新出现的警告" items={rules.newWarnings} />
          <Changes title="升级后不再报告的问题" items={rules.nowPassing} />
        </>
      ) : (
        <Typography.Paragraph>检查结果没有变化。</Typography.Paragraph>
      )}
    </div>
  );
}
