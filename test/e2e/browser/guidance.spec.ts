import { test, expect } from './fixtures';
import { draftFile, fixtureDraft } from './pages/fixtureDrafts';

const draft = fixtureDraft('chengguan-2020', 'valid-tech-enterprise.json');
const TITLE = draft.values['project.name'] as string;
/** 武威 plan task z01-01, by the start of its text. */
const TASK_TEXT = /^推进高效节水技术推广示范基地建设/;

test.describe.configure({ timeout: 120_000 });

test.afterEach(({ pageProblems }) => {
  expect(pageProblems, '页面不应有控制台错误或 CSP 违规').toEqual([]);
});

test('beside 项目内容 the guidance lists the clauses and rules, and a ticked plan task is saved with the draft', async ({ list, page }) => {
  const panel = page.getByTestId('guidance-panel');
  const planHeader = panel.getByRole('button', { name: /支撑的规划任务/ });
  const task = panel.getByRole('checkbox', { name: TASK_TEXT });
  const openNarrative = async (): Promise<void> => {
    await page.getByRole('menuitem', { name: /项目内容/ }).click();
    await expect(page.locator('.section-view[data-section="narrative"]')).toBeVisible();
  };

  await test.step('open the draft at its narrative section', async () => {
    await list.open();
    const file = draftFile(draft);
    await list.importFile(file.name, file.content);
    await list.openDraft(TITLE);
    await openNarrative();
  });

  await test.step('the section’s rules show their current result with the clause', async () => {
    await expect(panel.getByRole('button', { name: /本部分规则（\d+）/ })).toBeVisible({ timeout: 30_000 });
    const rule = panel.locator('.guidance-rules [data-rule]').first();
    await expect(rule).toContainText(/通过|未通过|不适用|符合/);
    await expect(rule).toContainText('依据：');
  });

  await test.step('search the 武威 plan and tick a task as supported', async () => {
    await planHeader.click();
    await panel.getByRole('searchbox', { name: '搜索规划任务' }).fill('高效节水');
    await expect(panel.getByText(/专栏1 生态综合治理先进技术应用示范区建设重点任务/)).toBeVisible();
    await task.check();
    await expect(planHeader).toContainText('已选 1 项');
    await expect(page.getByRole('status', { name: '保存状态' })).toHaveText(/已保存/);
  });

  await test.step('the plan\'s main indicators are listed with their 2020 base and 2025 target', async () => {
    await panel.getByRole('button', { name: /规划主要指标/ }).click();
    const row = panel.getByTestId('plan-indicators').getByRole('row', { name: /综合科技进步水平/ });
    await expect(row).toContainText('位');
    await expect(row.getByRole('cell')).toHaveText(['科技创新主要指标', '综合科技进步水平', '位', '7', '6', '预期性']);
  });

  await test.step('after a reload the task is still ticked', async () => {
    await page.reload();
    await openNarrative();
    await planHeader.click();
    await expect(planHeader).toContainText('已选 1 项');
    await expect(task).toBeChecked();
  });
});
