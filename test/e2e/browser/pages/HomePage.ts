import { expect, type Locator } from '@playwright/test';
import { DraftsListPage } from './DraftsListPage';

/** The home page: the drafts list with search, filters and progress columns. */
export class HomePage extends DraftsListPage {
  get search(): Locator {
    return this.page.getByRole('searchbox', { name: '搜索草稿' });
  }

  get onlyErrors(): Locator {
    return this.page.getByRole('checkbox', { name: '只看有错误的' });
  }

  async startNewDraft(): Promise<void> {
    await this.createButton.click();
    await expect(this.page).toHaveURL(/#\/new$/);
  }

  async filterByGuideline(title: string): Promise<void> {
    await this.page.getByRole('combobox', { name: '按申报指南筛选' }).click();
    await this.page.locator('.ant-select-dropdown:visible').getByTitle(title, { exact: true }).click();
  }

  async visibleTitles(): Promise<string[]> {
    return this.page.locator('.ant-tabs-tabpane-active tbody tr.ant-table-row td:first-child a').allInnerTexts();
  }
}
