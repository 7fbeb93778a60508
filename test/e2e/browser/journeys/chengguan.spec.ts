import { expect, test } from '../fixtures';
import { HistoryDrawer } from '../pages/HistoryDrawer';
import { saveScreenshot } from '../pages/screenshots';
import { chengguanJourney } from './data/chengguan';
import { exportByClicks } from './exportByClicks';
import { runFullJourney } from './runJourney';

// A stuck step fails on its own line, not at the end of the whole journey's time.
test.use({ actionTimeout: 30_000 });

test('城关区技术创新类：新建与预审、逐节填写、按问题清单改错、附件、审阅定稿，重新加载后内容完整；再从「导出」菜单导出 Word、PDF、申报包并检查申报包', async ({ page, appUrl, pageProblems }, info) => {
  const journey = chengguanJourney();
  await runFullJourney(page, appUrl, journey, info, pageProblems);
  await exportByClicks(page, String(journey.fixture.values['project.name']));
  await test.step('从检查申报包返回导出页，再返回编辑', async () => {
    await page.getByRole('button', { name: '返回' }).click();
    await page.getByRole('link', { name: '返回编辑' }).click();
    await expect(page.locator('.section-view')).toBeVisible();
  });
  await test.step('历史版本与预览的截图（其余主要界面的截图由各自的测试保存）', async () => {
    const history = new HistoryDrawer(page);
    // open() waits for the drawer to stand still: the picture is not taken halfway through antd's motion.
    await history.open();
    await saveScreenshot(page, 'history');
    await page.keyboard.press('Escape');
    await expect(history.drawer).toBeHidden();
    await page.getByRole('button', { name: '预览', exact: true }).click();
    await expect(page.getByRole('complementary', { name: '预览' })).toBeVisible();
    await saveScreenshot(page, 'preview');
  });
});
