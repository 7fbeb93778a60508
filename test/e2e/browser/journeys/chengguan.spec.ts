import { expect, test } from '../fixtures';
import { HistoryDrawer } from '../pages/HistoryDrawer';
import { saveScreenshot } from '../pages/screenshots';
import { chengguanJourney } from './data/chengguan';
import { runFullJourney } from './runJourney';

// A stuck step fails on its own line, not at the end of the whole journey's time.
test.use({ actionTimeout: 30_000 });

test('城关区技术创新类：新建与预审、逐节填写、按问题清单改错、附件、审阅定稿，重新加载后内容完整', async ({ page, appUrl, pageProblems }, info) => {
  const d = await runFullJourney(page, appUrl, chengguanJourney(), info, pageProblems);

  await test.step('历史版本与预览的截图（其余主要界面的截图由各自的测试保存）', async () => {
    await d.review.backToWizard();
    const history = new HistoryDrawer(page);
    await history.open();
    // The picture after the drawer has slid in, not halfway through antd's motion.
    await expect(page.locator('.history-drawer-root .ant-drawer-content-wrapper')).not.toHaveClass(/motion/);
    await saveScreenshot(page, 'history');
    await page.keyboard.press('Escape');
    await expect(history.drawer).toBeHidden();
    await page.getByRole('button', { name: '预览', exact: true }).click();
    await expect(page.getByRole('complementary', { name: '预览' })).toBeVisible();
    await saveScreenshot(page, 'preview');
  });
});
