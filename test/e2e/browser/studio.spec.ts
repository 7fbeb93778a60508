import path from 'node:path';
import { test, expect } from './fixtures';
import { IssuesPanel } from './pages/IssuesPanel';
import { NewDraftPage } from './pages/NewDraftPage';
import { openApp } from './pages/openApp';
import { StudioPage } from './pages/StudioPage';
import { WizardPage } from './pages/WizardPage';

/** A notice written for this test (not one of the seeds): 清河区, 2026. */
const NOTICE = path.resolve(import.meta.dirname, '../../fixtures/studio/2026-qinghe-district-notice.txt');
const TITLE = '清河区2026年度科技创新项目';

test.describe.configure({ timeout: 180_000 });

test.afterEach(({ pageProblems }) => {
  expect(pageProblems, '页面不应有控制台错误或 CSP 违规').toEqual([]);
});

test('指南工作台: a new notice → proposals reviewed → pack saved → a draft on it shows the edited rule with its quote', async ({ page, appUrl }) => {
  const studio = new StudioPage(page);
  await openApp(page, appUrl);
  await studio.openFromHome();

  await test.step('open the notice file', async () => {
    await studio.openNotice(NOTICE);
    await expect(page.getByText('通知：2026-qinghe-district-notice.txt')).toBeVisible();
  });

  await test.step('review: edit the age limit, reject the period, accept the rest', async () => {
    const age = studio.proposal('年龄限制');
    await expect(age).toContainText('项目负责人年龄不超过50周岁');
    await expect(age).toContainText('上限（周岁）50');
    await studio.editProposal('年龄限制', '上限（周岁）', '45');
    await expect(age).toContainText('上限（周岁）45');
    await studio.proposal('自筹比例').getByRole('button', { name: '接受' }).click();
    await expect(studio.proposal('自筹比例')).toContainText('已接受');
    await studio.proposal('实施期限').getByRole('button', { name: '拒绝' }).click();
    await expect(studio.proposal('实施期限')).toContainText('已拒绝');
    await page.getByRole('button', { name: '其余全部接受' }).click();
    await expect(page.getByText(/已全部决定/)).toBeVisible();
  });

  await test.step('the unrecognized requirement is listed and marked 无法离线检查 with a reason', async () => {
    await studio.tab(/未识别的要求/);
    const item = studio.requirement(1);
    await expect(item).toContainText('项目须具有明确的市场前景和产业化路径');
    await item.getByRole('radio', { name: '无法离线检查' }).check();
    await item.getByLabel('无法离线检查的原因').fill('市场前景由专家评审判断');
    await item.getByRole('button', { name: '确定' }).click();
    await expect(item).toContainText('已标为无法离线检查');
  });

  await test.step('pack meta and a renamed field', async () => {
    await studio.tab('指南信息与表单');
    await studio.setMeta('指南包编号', 'qinghe-2026');
    await studio.setMeta('指南名称', TITLE);
    await page.getByLabel('字段名称：项目摘要').fill('项目简介');
  });

  await test.step('save: checks pass, the version is installed, the coverage table is shown', async () => {
    const saved = await studio.save();
    await expect(saved).toHaveText(`已保存并安装指南包「${TITLE}」1.0.0 版`);
    const coverage = page.getByRole('region', { name: '规则覆盖表' });
    await expect(coverage).toContainText('市场前景由专家评审判断');
    await expect(coverage).toContainText('无法离线检查');
  });

  await test.step('a new draft on the saved pack', async () => {
    await page.getByRole('link', { name: '新建申报书' }).click();
    const newDraft = new NewDraftPage(page);
    await newDraft.waitLoaded();
    await newDraft.chooseGuideline(TITLE);
    await newDraft.chooseProgram(TITLE);
    // The notice names no 支持方向: the direction step has nothing to choose.
    await newDraft.nextButton.click();
    await expect(page.getByText('请回答以下问题', { exact: false })).toBeVisible();
    await newDraft.continueAfterPrecheck();
    await newDraft.create();
  });

  await test.step('the edited age rule fires with its quote in 问题清单', async () => {
    const wizard = new WizardPage(page);
    await wizard.waitLoaded();
    await wizard.openSection('项目负责人');
    // Born 1970-01-01: 56 at the window close 2026-04-30, over the edited 45.
    await wizard.fill('居民身份证号码', '110105197001010011');
    const issues = new IssuesPanel(page);
    await issues.open();
    const issue = issues.issue('r.p3');
    await expect(issue).toContainText('45');
    const quote = await issues.showQuote('r.p3');
    await expect(quote).toContainText('项目负责人年龄不超过50周岁');
  });
});
