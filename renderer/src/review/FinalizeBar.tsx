import { LockOutlined, UnlockOutlined } from '@ant-design/icons';
import { Alert, App, Button, Space, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import type { Draft } from '../../../shared/model/draft';
import { blockingCount, describeBlocking, type ValidationSummary } from '../../../shared/rules/engine';
import { changeStatus } from './changeStatus';

interface Props {
  draft: Draft;
  /** The one result list's counts: 待填写, 无法检查 and 错误 block; warnings do not. */
  summary: ValidationSummary;
  /** False until the rules have been checked for this draft. */
  checked: boolean;
  /** The open warnings' messages, listed in the 定稿 confirmation. */
  openWarnings?: readonly string[];
}

/** 定稿 (disabled, with the reason, while anything is 待填写, 无法检查 or wrong) and 解锁 (after a confirmation). */
export function FinalizeBar({ draft, summary, checked, openWarnings = [] }: Props) {
  const warnings = summary.warnings;
  const { message, modal } = App.useApp();
  const [busy, setBusy] = useState(false);
  const final = draft.status === 'final';

  const blocked = !draft.guideline
    ? '尚未选择申报指南和专项，不能定稿'
    : !checked
      ? '正在检查规则…'
      : blockingCount(summary) > 0
        ? `还有 ${describeBlocking(summary)}，不能定稿；请在问题清单中逐项处理`
        : null;

  const run = async (status: Draft['status'], done: string): Promise<void> => {
    setBusy(true);
    const failure = await changeStatus(draft.id, status);
    setBusy(false);
    if (failure) void message.error(failure);
    else void message.success(done);
  };

  /** 定稿 asks first and lists what is still open: a warning does not block, but the applicant should see each one. */
  const finalize = (): void => {
    modal.confirm({
      title: '定稿这份申报书？',
      width: 560,
      content: (
        <div data-testid="finalize-confirm">
          <Typography.Paragraph>定稿后内容将锁定，导出的文档不再带「草稿」水印；需要修改时可以解锁，修改后须重新定稿。</Typography.Paragraph>
          {openWarnings.length > 0 ? (
            <>
              <Typography.Paragraph type="warning">还有 {openWarnings.length} 个警告（不影响定稿，请确认已了解）：</Typography.Paragraph>
              <ul className="finalize-warnings">
                {openWarnings.map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ul>
            </>
          ) : (
            <Typography.Paragraph type="secondary">没有未处理的警告。</Typography.Paragraph>
          )}
        </div>
      ),
      okText: '定稿',
      cancelText: '取消',
      onOk: () => run('final', '已定稿'),
    });
  };

  const unlock = (): void => {
    modal.confirm({
      title: '解锁这份申报书？',
      content: '解锁后可以继续修改；修改完成后需要重新定稿。',
      okText: '解锁',
      cancelText: '取消',
      onOk: () => run('editing', '已解锁，可以继续修改'),
    });
  };

  if (final) {
    return (
      <Alert
        type="success"
        showIcon
        icon={<LockOutlined />}
        className="finalize-bar"
        data-testid="finalize-bar"
        message="已定稿：内容已锁定，只能查看"
        action={
          <Button icon={<UnlockOutlined />} onClick={unlock} loading={busy} data-testid="unlock-button">
            解锁
          </Button>
        }
      />
    );
  }
  return (
    <Alert
      type={blocked ? 'warning' : 'info'}
      showIcon
      className="finalize-bar"
      data-testid="finalize-bar"
      message={
        <Space direction="vertical" size={0}>
          <Typography.Text data-testid="finalize-reason">{blocked ?? '形式审查已通过：没有待填写项和错误，可以定稿。定稿后内容将锁定，解锁后才能修改。'}</Typography.Text>
          {warnings > 0 && <Typography.Text type="secondary">{`${warnings} 个警告不影响定稿，请确认后再定稿。`}</Typography.Text>}
        </Space>
      }
      action={
        <Tooltip title={blocked ?? undefined}>
          <Button type="primary" icon={<LockOutlined />} disabled={blocked !== null} loading={busy} onClick={finalize} data-testid="finalize-button">
            定稿
          </Button>
        </Tooltip>
      }
    />
  );
}
