import { test, expect } from './fixtures';
import { draftFile, fixtureDraft } from './pages/fixtureDrafts';

const draft = fixtureDraft('chengguan-2020', 'valid-tech-enterprise.json');
const TITLE = draft.values['project.name'] as string;

test.describe.configure({ timeout: 120_000 });

test.afterEach(({ pageProblems }) => {
  expect(pageProblems, '页面不应有控制台错误或 CSP 违规').toEqual([]);
});

/** <style> tags antd generated in the page (its runtime marks them with the style's hash). */
const runtimeAntdStyles = (page: import('@playwright/test').Page): Promise<string[]> =>
  page.evaluate(() => [...document.querySelectorAll('style[data-css-hash]')].map((s) => (s.textContent ?? '').slice(0, 80)));

// The build writes antd's component styles for the renderer's theme into a stylesheet
// (scripts/antdStaticStyles.ts); antd generates at run time only what that sheet lacks. The home
// page and the wizard must find everything there: a theme or an antd version that no longer
// matches the sheet would silently bring the generation (a third of their start) back.
test('the home page and the wizard use the built antd stylesheet and generate no styles at run time', async ({ list, page }) => {
  await list.open();
  const file = draftFile(draft);
  await list.importFile(file.name, file.content);
  await expect(page.getByRole('row', { name: new RegExp(TITLE.slice(0, 10)) })).toBeVisible();
  expect(await runtimeAntdStyles(page)).toEqual([]);

  await list.openDraft(TITLE);
  await expect(page.locator('#field-project-name')).toBeEditable();
  await expect(page.getByTestId('guidance-panel')).toBeVisible();
  await expect(page.getByRole('navigation', { name: '申报书章节' })).toBeVisible();
  expect(await runtimeAntdStyles(page)).toEqual([]);
});
