import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { draftFile, fixtureDraft } from './pages/fixtureDrafts';
import { WizardPage } from './pages/WizardPage';

/** The window sizes the issue names: a common laptop and a large desktop screen. */
const SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;

/** Screenshots for people to look at, kept as test artefacts per window size. */
async function shot(page: Page, size: { width: number; height: number }, name: string): Promise<void> {
  const dir = `test-results/screens/${size.width}x${size.height}`;
  mkdirSync(dir, { recursive: true });
  // Pictures after antd's motions have settled, not halfway through them.
  await page.waitForTimeout(350);
  await page.screenshot({ path: `${dir}/${name}.png` });
}

/** Fails when an element's content is wider than the element shows, i.e. a table scrolls sideways. */
async function overflowOf(page: Page, selector: string): Promise<number> {
  return page.locator(selector).first().evaluate((el) => el.scrollWidth - el.clientWidth);
}

for (const size of SIZES) {
  test(`每个主要界面在 ${size.width}×${size.height} 下：经由点击到达、截图，名称列与成员表不被挤压`, async ({ list, page }) => {
    test.setTimeout(180_000);
    await page.setViewportSize(size);
    const wizard = new WizardPage(page);
    const draft = fixtureDraft('chengguan-2020', 'valid-tech-enterprise.json');
    const title = String(draft.values['project.name']);
    const file = draftFile(draft);

    await list.open();
    await list.importFile(file.name, file.content);
    await expect(list.row(title)).toHaveCount(1);
    // The name column: never under about 16 characters, the full name on hover.
    const nameCell = list.row(title).locator('td').first();
    expect((await nameCell.boundingBox())!.width).toBeGreaterThanOrEqual(16 * 14);
    await shot(page, size, '01-首页草稿列表');

    await list.createButton.click();
    await expect(page.getByRole('heading', { name: '新建申报书' })).toBeVisible();
    await shot(page, size, '02-新建申报书');
    await page.getByRole('button', { name: '返回草稿列表' }).click();
    await expect(list.draftsTab).toBeVisible();

    await list.openDraft(title);
    await wizard.waitLoaded();
    await wizard.openSection('基本信息');
    await shot(page, size, '03-向导-基本信息');
    // Land at the top of the next section with its heading focused, not mid-form.
    await page.mouse.wheel(0, 5000);
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    await wizard.openSection('项目组主要成员');
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);
    await expect(page.locator('.section-title')).toBeFocused();
    await expect(wizard.table('members')).toBeVisible();
    // Every ID number shows all 18 characters; a table wider than the form scrolls inside its own
    // frame, never the whole page; with the guideline panel collapsed it fits.
    for (const input of await page.locator('[data-field="members"] td.table-col-idNumber input').all()) {
      expect(await input.evaluate((el: HTMLInputElement) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(1);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    if ((await overflowOf(page, '[data-field="members"] .field-table-wrap')) > 1) {
      expect(await page.locator('[data-field="members"] .field-table-wrap').evaluate((el) => getComputedStyle(el).overflowX)).toBe('auto');
      await page.getByRole('button', { name: '收起指南' }).click();
      expect(await overflowOf(page, '[data-field="members"] .field-table-wrap')).toBeLessThanOrEqual(1);
      await shot(page, size, '04b-向导-项目组成员-收起指南');
      await page.getByRole('button', { name: '指南', exact: true }).click();
    }
    await shot(page, size, '04-向导-项目组成员');
    await wizard.openSection('经费预算');
    await shot(page, size, '05-向导-经费预算');
    await page.getByRole('button', { name: '收起指南' }).click();
    await shot(page, size, '06-向导-收起指南');
    await page.getByRole('button', { name: '指南', exact: true }).click();

    await page.getByRole('button', { name: '审阅与定稿' }).first().click();
    await expect(page.getByTestId('review-page')).toBeVisible();
    await shot(page, size, '07-审阅与定稿');

    await page.getByRole('button', { name: '导出', exact: true }).click();
    await shot(page, size, '08-导出菜单');
    await page.locator('.ant-dropdown:visible').getByRole('menuitem', { name: '生成申报包…' }).click();
    await expect(page.getByTestId('export-summary')).toBeVisible();
    await shot(page, size, '09-导出与申报包');

    await page.getByRole('button', { name: '检查申报包…' }).click();
    await expect(page.getByText('选择或拖入申报包（.zip）')).toBeVisible();
    await shot(page, size, '10-检查申报包');

    await page.getByRole('button', { name: '返回' }).click();
    await page.getByRole('link', { name: '返回编辑' }).click();
    await wizard.waitLoaded();
    await page.getByRole('button', { name: '返回列表' }).click();
    await page.getByRole('link', { name: '单位与人员档案' }).click();
    await expect(page.getByRole('heading', { name: '单位与人员档案' })).toBeVisible();
    await shot(page, size, '11-单位与人员档案');
    await page.getByRole('link', { name: '返回' }).click();
    await page.getByRole('link', { name: '设置' }).click();
    await expect(page.getByText('备份与恢复')).toBeVisible();
    await shot(page, size, '12-设置-备份与恢复');
  });
}
