import type { Route } from '@playwright/test';
import { test, expect } from './fixtures';
import { openHomeFresh } from './pages/openApp';
import { WizardPage } from './pages/WizardPage';

const CHENGGUAN = { packId: 'chengguan-2020', packVersion: '1.0.0', programId: 'tech-innovation' };
const NOT_GUIDED = '未选择申报指南';

test.afterEach(({ pageProblems }) => {
  expect(pageProblems, '页面不应有控制台错误或 CSP 违规').toEqual([]);
});

test('the header never says a guided draft has no guideline: loading, then its program; a pack that fails to load is named', async ({ list, page }) => {
  const wizard = new WizardPage(page);
  await list.open();
  const id = await wizard.createDraft(CHENGGUAN, '头部测试');
  const program = page.locator('.wizard-program');

  await test.step('while its pack is on the way', async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/guidelinesGet', async (route: Route) => {
      await held;
      await route.continue();
    });
    await openHomeFresh(page);
    await page.locator(`tr[data-row-key="${id}"]`).getByRole('button', { name: '打开' }).click();
    await expect(program).toHaveText('正在载入申报指南…');
    await expect(page.getByText(NOT_GUIDED)).toHaveCount(0);
    release();
    await expect(program).toHaveText(/城关区.* · 技术创新类$/);
    await expect(program).toHaveAttribute('title', /城关区.* · 技术创新类$/);
    await page.unroute('**/api/guidelinesGet');
  });

  await test.step('a field\'s help from the pack shows under it', async () => {
    await expect(wizard.byId('project.applicationDate').locator('.ant-form-item-extra')).toHaveText(/^印在封面上/);
  });

  await test.step('a pack that cannot be loaded is named, not called missing', async () => {
    await page.route('**/api/guidelinesGet', (route: Route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ ok: false, error: { code: 'not_found', message: '找不到申报指南' } }) }),
    );
    await page.reload();
    await expect(program).toHaveText('申报指南 chengguan-2020（未能载入）');
    // The guidance panel, once it has mounted beside the form, repeats the same banner; the form's own is what must show.
    await expect(page.locator('.wizard-banner')).toHaveText(/^无法载入申报指南，暂不能检查规则：找不到申报指南$/);
    await expect(page.getByText(NOT_GUIDED)).toHaveCount(0);
  });

  await test.step('a draft without a guideline says so', async () => {
    await page.unroute('**/api/guidelinesGet');
    const plain = await wizard.createDraft(null, '通用模板');
    await wizard.open(plain);
    await expect(program).toHaveText('未选择申报指南（按通用模板填写，不检查规则）');
  });
});
