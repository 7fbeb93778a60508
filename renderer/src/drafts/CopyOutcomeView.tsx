import { Typography } from 'antd';
import type { CopyOutcome } from './copyOutcome';

/** The copy's state and, when it has problems its original had not, which ones and why. */
export function CopyOutcomeView({ outcome }: { outcome: CopyOutcome }) {
  return (
    <div data-testid="copy-outcome">
      <Typography.Paragraph>
        副本「{outcome.copyTitle}」是一份可以编辑的草稿
        {outcome.wasFinal ? '：原稿已定稿，副本没有定稿，修改完成后需要重新审阅定稿。' : '，内容与原稿相同。'}
      </Typography.Paragraph>
      {outcome.newProblems.length > 0 && (
        <>
          <Typography.Paragraph type="danger">副本比原稿多出 {outcome.newProblems.length} 个问题：</Typography.Paragraph>
          <ul>
            {outcome.newProblems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
          <Typography.Paragraph type="secondary">
            这是因为有些规则会检查本机上的全部草稿（例如同一申请人同一年度只能申请一个项目）：副本与原稿的申报单位、项目负责人相同，两份同时存在就会触发。若副本用于另一个项目，请修改相应内容；若只是备份，可在确认后删除其中一份。
          </Typography.Paragraph>
        </>
      )}
      {!outcome.unchecked && outcome.newProblems.length === 0 && <Typography.Paragraph type="secondary">副本没有比原稿多出问题。</Typography.Paragraph>}
      {outcome.unchecked && <Typography.Paragraph type="secondary">副本尚未选择申报指南或暂时无法检查，打开后可在问题清单中查看。</Typography.Paragraph>}
    </div>
  );
}
