import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test, expect } from './fixtures';
import { IssuesPanel } from './pages/IssuesPanel';
import { NewDraftPage } from './pages/NewDraftPage';
import { openApp } from './pages/openApp';
import { saveScreenshot } from './pages/screenshots';
import { StudioPage } from './pages/StudioPage';
import { WizardPage } from './pages/WizardPage';
import { expectSettled } from './pages/settled';

/**
 * A 2027 notice written for this test in the language of western-China city notices (not a seed),
 * saved as Word by LibreOffice: 一、申报专项 with two 专项 whose 「支持方向：」 line heads their numbered
 * directions, a 「有合作单位的须提供」 attachment, a deadline with a time of day.
 */
const NOTICE = path.resolve(import.meta.dirname, '../../fixtures/studio/2027-xining-two-programs-notice.docx');
const TITLE = '2027年度西宁市科技计划项目';

test.describe.configure({ timeout: 180_000 });

test.afterEach(({ pageProblems }) => {
  expect(pageProblems, '页面不应有控制台错误或 CSP 违规').toEqual([]);
});

test('指南工作台 from a .docx notice: bad files are told plainly; two 专项 with their directions; parameters read in Chinese; accepting every proposal saves; a draft fires the edited rule with its quote', async ({ page, appUrl }) => {
  const studio = new StudioPage(page);
  await openApp(page, appUrl);
  await studio.openFromHome();

  await test.step('a .doc and an empty file are refused with what to do', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'shenbao-notice-'));
    const doc = path.join(dir, '通知.doc');
    writeFileSync(doc, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
    await page.getByLabel('选择通知文件').setInputFiles(doc);
    await expect(page.getByRole('alert')).toContainText('另存为 .docx');
    const empty = path.join(dir, '通知.txt');
    writeFileSync(empty, '');
    await page.getByLabel('选择通知文件').setInputFiles(empty);
    await expect(page.getByRole('alert')).toContainText('是空文件（0 字节）');
  });

  await test.step('the .docx opens; the proposals name columns, counting and times in Chinese', async () => {
    await studio.openNotice(NOTICE);
    const ratio = studio.proposal('自筹比例');
    await expect(ratio).toContainText('分子 › 列自筹资金');
    await expect(ratio).toContainText('分母 › 列财政资金');
    await expect(studio.proposal('限报数量').first()).toContainText('范围同一指南的草稿');
    await expect(studio.proposal('申报时间')).toContainText('申报时间 › 截止2027年4月15日 17:30');
    await expect(page.locator('.studio-proposal').filter({ hasText: /selfRaised|samePack|sameYear|T17:30/ })).toHaveCount(0);
    // The 申报书 itself is not listed as a file to attach.
    await expect(page.locator('.studio-proposal').filter({ hasText: '西宁市科技计划项目申报书' })).toHaveCount(0);
  });

  await test.step('the deadline is edited with a date-and-time picker in Beijing time, not as ISO text', async () => {
    await studio.proposal('申报时间').getByRole('button', { name: '修改' }).click();
    const dialog = page.getByRole('dialog');
    await expectSettled(dialog);
    const closes = dialog.getByRole('textbox', { name: /截止/ });
    await expect(closes).toHaveValue('2027-04-15 17:30');
    await closes.click();
    await closes.fill('2027-04-20 18:00');
    await closes.press('Enter');
    await dialog.getByRole('button', { name: '保存修改' }).click();
    await expect(studio.proposal('申报时间')).toContainText('截止2027年4月20日 18:00');
  });

  await test.step('the edited age limit rewrites its 提示文字; every other proposal is accepted', async () => {
    await studio.proposal('年龄限制').getByRole('button', { name: '修改' }).click();
    const dialog = page.getByRole('dialog');
    await expectSettled(dialog);
    await dialog.getByLabel('上限（周岁）', { exact: true }).fill('50');
    await expect(dialog.getByLabel('提示文字')).toHaveValue('项目负责人年龄不得超过50周岁');
    await dialog.getByRole('button', { name: '保存修改' }).click();
    await expect(studio.proposal('年龄限制')).toContainText('提示文字项目负责人年龄不得超过50周岁');
    await page.getByRole('button', { name: '其余全部接受' }).click();
    await expect(page.getByText(/已全部决定/)).toBeVisible();
  });

  await test.step('two 专项 from 一、申报专项, each with its directions and funding', async () => {
    await studio.tab('指南信息与表单');
    await expect(page.getByLabel('专项名称 1')).toHaveValue('高原特色产业关键技术攻关专项');
    await expect(page.getByLabel('专项名称 2')).toHaveValue('科技惠民专项');
    await expect(page.getByLabel('支持方向 1：1', { exact: true })).toHaveValue('盐湖资源综合利用');
    await expect(page.getByLabel('支持方向 2：2', { exact: true })).toHaveValue('生态环境保护与修复');
    await expect(page.getByLabel('资助上限（万元） 2')).toHaveValue('20.00');
    // The notice's contacts are in its common part: each 专项 says so instead of a bare 「联系人（0）」.
    await expect(page.getByRole('group', { name: '联系人 1' })).toContainText('本专项没有自己的联系人，申报书中显示通知的联系人：西宁市科学技术局计划科 李明、王芳 0971-8888888');
    await studio.tab('向导预览');
    await expect(page.getByRole('region', { name: '预览专项' })).toContainText('30 万元 至 80 万元');
    await studio.tab('指南信息与表单');
    await studio.setMeta('指南包编号', 'xining-2027');
    await studio.setMeta('指南名称', TITLE);
    await saveScreenshot(page, 'studio-docx-programs');
  });

  await test.step('saving passes the checks; 「合作协议（有合作单位的须提供）」 is checked by a rule', async () => {
    const saved = await studio.save();
    await expect(saved).toHaveText(`已保存并安装指南包「${TITLE}」1.0.0 版`);
    const coverage = page.getByRole('region', { name: '规则覆盖表' });
    await expect(coverage.locator('tr').filter({ hasText: '合作协议（有合作单位的须提供）' })).toContainText('须上传附件「合作协议」（错误）');
  });

  await test.step('a draft on the second 专项 and its direction fires the edited age rule with its quote', async () => {
    await page.getByRole('link', { name: '新建申报书' }).click();
    const newDraft = new NewDraftPage(page);
    await newDraft.waitLoaded();
    await newDraft.chooseGuideline(TITLE);
    await newDraft.chooseProgram('科技惠民专项');
    await newDraft.chooseDirection('医学', '高原医学与藏医药');
    await newDraft.continueAfterPrecheck();
    await newDraft.create();
    const wizard = new WizardPage(page);
    await wizard.waitLoaded();
    await wizard.openSection('项目负责人');
    // Born 1970-01-01: 57 at the deadline 2027-04-15, over the edited 50 (and the notice's 55).
    await wizard.fill('居民身份证号码', '630102197001011236');
    const issues = new IssuesPanel(page);
    await issues.open();
    const age = page.locator('.issue-item').filter({ hasText: '项目负责人年龄不得超过50周岁' }).first();
    await expect(age).toContainText('超过50周岁');
    await age.getByRole('button', { name: /查看原文/ }).click();
    await expect(age.locator('.issue-quote')).toContainText('项目负责人年龄不超过55周岁（1972年1月1日以后出生）');
    await saveScreenshot(page, 'studio-docx-draft-issue');
    await issues.close();
  });

  await test.step('no 合作单位, no 合作协议 asked; once a 合作单位 is listed the agreement is 待填写 (it blocks 定稿)', async () => {
    const wizard = new WizardPage(page);
    const issues = new IssuesPanel(page);
    const agreement = page.locator('.issue-item').filter({ hasText: '须上传附件「合作协议」' });
    await issues.open();
    await expect(agreement).toHaveCount(0);
    await issues.close();
    await wizard.openSection('合作单位');
    await wizard.addTableRow('partners');
    await wizard.fillCell('partners', 1, '单位名称', '青海大学');
    await wizard.expectSaved();
    await issues.open();
    await expect(issues.group('incomplete').locator('.issue-item').filter({ hasText: '须上传附件「合作协议」：尚未上传' })).toHaveCount(1);
  });
});
