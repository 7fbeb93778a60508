import { test, expect } from './fixtures';
import { HomePage } from './pages/HomePage';
import { fixtureDraftFile } from './pages/packFixtures';
import { saveScreenshot } from './pages/screenshots';

// Each test starts its own host and walks several screens; two shared cores make 60 s tight.
test.describe.configure({ timeout: 150_000 });

test.afterEach(({ pageProblems }) => {
  expect(pageProblems, '页面不应有控制台错误或 CSP 违规').toEqual([]);
});

test('home: progress columns, search and filters', async ({ page, appUrl }) => {
  const home = new HomePage(page, appUrl);
  const karamay = fixtureDraftFile('karamay-2017', 'valid-talent.json');
  const chengguan = fixtureDraftFile('chengguan-2020', 'valid-tech-enterprise.json');

  await test.step('the empty state says what to do first', async () => {
    await home.open();
    await expect(home.emptyState).toBeVisible();
  });

  await test.step('imported drafts show guideline, type, completion, issues and deadline', async () => {
    await home.importFile(karamay.name, karamay.content);
    await home.importFile(chengguan.name, chengguan.content);
    const row = home.row(chengguan.title);
    await expect(row).toContainText('技术创新类');
    await expect(row).toContainText('项目申报书');
    await expect(row).toContainText(/错误 \d+/);
    await expect(row).toContainText(/警告 \d+/);
    // The 2020 window closed long ago: stated, never blocking.
    await expect(row).toContainText('已截止');
    await expect(row.getByRole('progressbar')).toBeVisible();
    await saveScreenshot(page, 'home');
  });

  await test.step('search by project name and by unit', async () => {
    await home.search.fill('余热');
    await expect(home.row(karamay.title)).toBeVisible();
    await expect(home.row(chengguan.title)).toHaveCount(0);
    await home.search.fill(chengguan.unit);
    await expect(home.row(chengguan.title)).toBeVisible();
    await expect(home.row(karamay.title)).toHaveCount(0);
    await home.search.fill('没有这样的项目');
    await expect(page.getByText('没有符合搜索或筛选条件的草稿')).toBeVisible();
    await home.search.fill('');
  });

  await test.step('filter by guideline', async () => {
    await home.filterByGuideline('克拉玛依市2017年市科技计划项目申报');
    await expect(home.row(karamay.title)).toBeVisible();
    await expect(home.row(chengguan.title)).toHaveCount(0);
    await saveScreenshot(page, 'home-filtered');
  });
});
