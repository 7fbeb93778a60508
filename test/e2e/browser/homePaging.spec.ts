import { HTTP_API_PREFIX, HTTP_CSRF_HEADER } from '../../../shared/ipc/http';
import { test, expect } from './fixtures';
import { HomePage } from './pages/HomePage';

/**
 * The home page shows the services' list one page at a time (draftsPage): 「共 N 份」, the pages,
 * a search that finds a draft on any page, and sorting by 最后编辑 done on every draft, not on the
 * page shown. The 回收站 is paged by the services too.
 */
test.describe.configure({ timeout: 150_000 });

test.afterEach(({ pageProblems }) => {
  expect(pageProblems, '页面不应有控制台错误或 CSP 违规').toEqual([]);
});

const COUNT = 45;
const title = (i: number) => `分页项目 ${String(i).padStart(2, '0')}`;

test('home: 45 drafts in pages of 20, 「共 45 份」, a search finds one on the last page, sorting covers every draft', async ({ page, appUrl }) => {
  const home = new HomePage(page, appUrl);
  await home.open();

  await test.step('45 drafts are made through the same API the page uses (one after another: the newest is 45)', async () => {
    await page.evaluate(
      async ({ prefix, header, names }) => {
        for (const name of names) {
          const res = await fetch(`${prefix}draftsCreate`, { method: 'POST', headers: { 'content-type': 'application/json', [header]: '1' }, body: JSON.stringify({ title: name }) });
          if (!res.ok) throw new Error(`draftsCreate ${res.status}`);
          // Distinct 最后编辑 times: the list's order is then the order of creation.
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
      },
      { prefix: HTTP_API_PREFIX, header: HTTP_CSRF_HEADER, names: Array.from({ length: COUNT }, (_, i) => title(i + 1)) },
    );
    await page.reload();
    await expect(home.draftsTab).toHaveText(`我的草稿（${COUNT}）`);
  });

  await test.step('the first page shows the 20 newest and 「共 45 份」', async () => {
    await expect(page.getByText(`共 ${COUNT} 份`)).toBeVisible();
    await expect.poll(() => home.visibleTitles()).toEqual(Array.from({ length: 20 }, (_, i) => title(COUNT - i)));
  });

  await test.step('page 3 shows the 5 oldest', async () => {
    await page.locator('.ant-pagination').getByTitle('3', { exact: true }).click();
    await expect.poll(() => home.visibleTitles()).toEqual([5, 4, 3, 2, 1].map(title));
  });

  await test.step('a search finds a draft that is not on the page shown, and counts what it found', async () => {
    await home.search.fill('项目 33');
    await expect.poll(() => home.visibleTitles()).toEqual([title(33)]);
    await expect(page.getByText('共 1 份')).toBeVisible();
    await home.search.fill('');
    await expect(page.getByText(`共 ${COUNT} 份`)).toBeVisible();
    await expect.poll(() => home.visibleTitles()).toEqual(Array.from({ length: 20 }, (_, i) => title(COUNT - i)));
  });

  await test.step('最后编辑, oldest first: the oldest of all 45 comes first, not the oldest of the page', async () => {
    await page.locator('.ant-tabs-tabpane-active thead').getByText('最后编辑').click();
    await expect.poll(() => home.visibleTitles()).toEqual(Array.from({ length: 20 }, (_, i) => title(i + 1)));
  });

  await test.step('the 回收站 pages too: 25 deleted drafts, 「回收站（25）」, page 2 holds the 5 deleted first', async () => {
    await page.evaluate(
      async ({ prefix, header, names }) => {
        const post = async (method: string, body: unknown): Promise<unknown> => {
          const res = await fetch(`${prefix}${method}`, { method: 'POST', headers: { 'content-type': 'application/json', [header]: '1' }, body: JSON.stringify(body) });
          if (!res.ok) throw new Error(`${method} ${res.status}`);
          return ((await res.json()) as { data: unknown }).data;
        };
        const drafts = (await post('draftsList', {})) as { id: string; title: string }[];
        for (const name of names) {
          await post('draftsDelete', { id: drafts.find((d) => d.title === name)!.id });
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
      },
      { prefix: HTTP_API_PREFIX, header: HTTP_CSRF_HEADER, names: Array.from({ length: 25 }, (_, i) => title(i + 1)) },
    );
    await page.reload();
    await expect(home.draftsTab).toHaveText(`我的草稿（${COUNT - 25}）`);
    await expect(home.trashTab).toHaveText('回收站（25）');
    await home.trashTab.click();
    const trashTitles = () => page.locator('.ant-tabs-tabpane-active tbody tr.ant-table-row td:first-child').allInnerTexts();
    // Last deleted first: 25 down to 6 on the first page.
    await expect.poll(trashTitles).toEqual(Array.from({ length: 20 }, (_, i) => title(25 - i)));
    await page.locator('.ant-tabs-tabpane-active .ant-pagination').getByTitle('2', { exact: true }).click();
    await expect.poll(trashTitles).toEqual([5, 4, 3, 2, 1].map(title));
  });
});
