import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test, expect } from './fixtures';
import { HistoryDrawer } from './pages/HistoryDrawer';
import { IssuesPanel } from './pages/IssuesPanel';
import { NewDraftPage } from './pages/NewDraftPage';
import { openApp } from './pages/openApp';
import { saveScreenshot } from './pages/screenshots';
import { StudioPage } from './pages/StudioPage';
import { WizardPage } from './pages/WizardPage';
import { expectSettled } from './pages/settled';

/** A notice written for this test (not one of the seeds): 清河区, 2026. */
const NOTICE = path.resolve(import.meta.dirname, '../../fixtures/studio/2026-qinghe-district-notice.txt');
const TITLE = '清河区2026年度科技创新项目';

test.describe.configure({ timeout: 180_000 });

test.afterEach(({ pageProblems }) => {
  expect(pageProblems, '页面不应有控制台错误或 CSP 违规').toEqual([]);
});

test('指南工作台: a new notice → proposals reviewed → pack saved → a draft on it fires the edited rule with its quote → a second version upgrades the draft with the report', async ({ page, appUrl }) => {
  const studio = new StudioPage(page);
  let draftId = '';
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
    // The 提示文字 follows the edited limit: a rule checking 45 must not say 50.
    await expect(age).toContainText('提示文字项目负责人年龄不得超过45周岁');
    await studio.proposal('自筹比例').getByRole('button', { name: '接受' }).click();
    await expect(studio.proposal('自筹比例')).toContainText('已接受');
    await studio.proposal('实施期限').getByRole('button', { name: '拒绝' }).click();
    await expect(studio.proposal('实施期限')).toContainText('已拒绝');
    await page.getByRole('button', { name: '其余全部接受' }).click();
    await expect(page.getByText(/已全部决定/)).toBeVisible();
    await saveScreenshot(page, 'studio-proposals');
  });

  await test.step('the decisions are saved on this computer: leaving and opening the same notice again offers 继续上次的审核', async () => {
    await expect(page.getByText(/^审核进度已保存在本机/)).toBeVisible();
    await page.getByRole('button', { name: '返回' }).click();
    await studio.openFromHome();
    await studio.openNotice(NOTICE);
    const offer = page.getByRole('region', { name: '上次的审核' });
    await expect(offer).toContainText('本机保存了当时的决定');
    await expect(page.getByText(/还有 \d+ 条待决定/)).toBeVisible();
    await offer.getByRole('button', { name: '继续上次的审核' }).click();
    await expect(offer).toBeHidden();
    await expect(page.getByText(/已全部决定/)).toBeVisible();
    await expect(studio.proposal('年龄限制')).toContainText('上限（周岁）45');
    await expect(studio.proposal('实施期限')).toContainText('已拒绝');
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
    await page.getByLabel('新字段名称').fill('所属产业链');
    await page.getByRole('button', { name: '添加字段' }).click();
    await expect(page.getByLabel('字段名称：所属产业链')).toBeVisible();
  });

  await test.step('save: checks pass, the version is installed, the coverage table is shown', async () => {
    const saved = await studio.save();
    await expect(saved).toHaveText(`已保存并安装指南包「${TITLE}」1.0.0 版`);
    const coverage = page.getByRole('region', { name: '规则覆盖表' });
    await expect(coverage).toContainText('市场前景由专家评审判断');
    await expect(coverage).toContainText('无法离线检查');
    await saveScreenshot(page, 'studio-saved');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出指南包文件' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('pack.json');
    expect(JSON.parse(readFileSync(await file.path(), 'utf8'))).toMatchObject({ id: 'qinghe-2026', version: '1.0.0', title: TITLE });
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
    draftId = await newDraft.create();
  });

  await test.step('the edited age rule fires with its quote in 问题清单', async () => {
    const wizard = new WizardPage(page);
    await wizard.waitLoaded();
    await wizard.openSection('项目负责人');
    // Born 1978-01-01: 48 at the window close 2026-04-30, over the edited 45 (within the notice's 50).
    await wizard.fill('居民身份证号码', '11010519780101001X');
    await wizard.fill('电子邮箱', 'pi@example.com');
    const issues = new IssuesPanel(page);
    await issues.open();
    const issue = issues.issue('r.p3');
    await expect(issue).toContainText('项目负责人年龄不得超过45周岁');
    const quote = await issues.showQuote('r.p3');
    await expect(quote).toContainText('项目负责人年龄不超过50周岁');
    await issues.close();
    await wizard.openSection('基本信息');
    await expect(wizard.field('项目简介')).toBeVisible();
    await expect(wizard.field('所属产业链')).toBeVisible();
  });

  await test.step('publish 1.1.0: 关键词 renamed to 主题词, 电子邮箱 removed, the age limit as the notice says', async () => {
    const wizard = new WizardPage(page);
    await wizard.openSection('基本信息');
    await wizard.fill('关键词', '智能制造；工业软件');
    await wizard.expectSaved();
    await wizard.backButton.click();
    await studio.openFromHome();
    await studio.openNotice(NOTICE);
    // The earlier review is offered again; 重新开始 forgets it and starts from the notice's proposals.
    const offer = page.getByRole('region', { name: '上次的审核' });
    await offer.getByRole('button', { name: '重新开始' }).click();
    await expect(offer).toBeHidden();
    await expect(studio.proposal('年龄限制')).not.toContainText('已修改并接受');
    await page.getByRole('button', { name: '其余全部接受' }).click();
    await studio.tab('指南信息与表单');
    await studio.setMeta('指南包编号', 'qinghe-2026');
    await studio.setMeta('指南名称', TITLE);
    await studio.setMeta('版本号', '1.1.0');
    await page.getByLabel('字段名称：关键词').fill('主题词');
    await page.getByLabel('删除字段：电子邮箱').check();
    const saved = await studio.save();
    await expect(saved).toHaveText(`已保存并安装指南包「${TITLE}」1.1.0 版`);
  });

  await test.step('the draft offers 升级到新版指南, shows the report first, and upgrades keeping the old content', async () => {
    const wizard = new WizardPage(page);
    await wizard.open(draftId);
    await expect(page.getByText('有新版本 1.1.0（本草稿按 1.0.0 版编写）')).toBeVisible();
    await page.getByRole('button', { name: '升级到新版指南' }).click();
    const dialog = page.getByRole('dialog', { name: /升级报告/ });
    await expectSettled(dialog);
    await expect(dialog).toContainText('关键词 → 主题词');
    await expect(dialog).toContainText('项目负责人 › 电子邮箱');
    await expect(dialog).toContainText('电子邮箱：pi@example.com');
    // The edited 45 is gone in 1.1.0: the age rule now passes, and the report says so before anything changes.
    await expect(dialog.getByText(/升级后不再报告的问题/)).toBeVisible();
    await expect(dialog).toContainText('项目负责人年龄不超过50周岁');
    await saveScreenshot(page, 'upgrade-report');
    await dialog.getByRole('button', { name: '确认升级' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText(/已升级到 1.1.0 版指南/)).toBeVisible();
    await expect(page.getByText('有新版本 1.1.0')).toHaveCount(0);
    await page.getByText(/保留的旧内容（1 项）/).click();
    await expect(page.getByRole('list', { name: '保留的旧内容' })).toContainText('电子邮箱');
    await expect(page.getByRole('list', { name: '保留的旧内容' })).toContainText('pi@example.com');
    await wizard.openSection('基本信息');
    await expect(page.getByLabel('主题词', { exact: true })).toHaveValue('智能制造；工业软件');
  });

  await test.step('历史版本 undoes the upgrade: the comparison names both guideline versions, and the restored draft shows 1.0.0\'s form at once', async () => {
    const history = new HistoryDrawer(page);
    await history.open();
    const revision = await history.revisionOf('升级到 1.1.0 版指南前');
    await history.compareNamed('升级到 1.1.0 版指南前');
    await expect(history.change('$guideline')).toContainText('1.0.0 版指南');
    await expect(history.change('$guideline')).toContainText('1.1.0 版指南');
    await expect(history.compare).not.toContainText('（空） → （空）');
    await history.restoreCompared(revision);
    await expect(page.getByText('有新版本 1.1.0（本草稿按 1.0.0 版编写）')).toBeVisible();
    // Without reloading the page: the field has its 1.0.0 name again and keeps its text.
    const wizard = new WizardPage(page);
    await wizard.openSection('基本信息');
    await expect(page.getByLabel('关键词', { exact: true })).toHaveValue('智能制造；工业软件');
    await expect(page.getByLabel('主题词', { exact: true })).toHaveCount(0);
  });
});
