import { openHomeFresh } from './openApp';
import { expect, type Locator, type Page } from '@playwright/test';

export interface GuidelineChoice {
  packId: string;
  packVersion: string;
  programId: string;
  directionPath?: string[];
  documentType?: 'proposal' | 'application';
}

/**
 * The wizard: section list, the section's fields, tables, attachment slots, declarations and the
 * save status. Fields are found by their label inside `[data-field]` containers, tables and slots
 * by their field id.
 */
export class WizardPage {
  readonly status: Locator;
  readonly title: Locator;
  readonly nav: Locator;
  readonly undoButton: Locator;
  readonly redoButton: Locator;
  readonly backButton: Locator;

  constructor(readonly page: Page) {
    this.status = page.getByRole('status', { name: '保存状态' });
    this.title = page.locator('.wizard-title');
    this.nav = page.getByRole('navigation', { name: '申报书章节' });
    this.undoButton = page.getByRole('button', { name: '撤销' });
    this.redoButton = page.getByRole('button', { name: '重做' });
    this.backButton = page.getByRole('button', { name: '返回列表' });
  }

  /** Creates a draft through the page's own API client (the new-draft flow is another screen) and returns its id. */
  async createDraft(guideline: GuidelineChoice | null, title?: string): Promise<string> {
    const id = await this.page.evaluate(
      async ({ guideline, title }) => {
        const response = await fetch('/api/draftsCreate', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-shenbao': '1' },
          credentials: 'same-origin',
          body: JSON.stringify({
            ...(title ? { title } : {}),
            guideline: guideline
              ? { directionPath: [], documentType: 'application', ...guideline }
              : null,
          }),
        });
        const body = (await response.json()) as { ok: boolean; data?: { draft: { id: string } }; error?: { message: string } };
        if (!body.ok || !body.data) throw new Error(body.error?.message ?? '创建草稿失败');
        return body.data.draft.id;
      },
      { guideline, title },
    );
    return id;
  }

  /** From the home page, by the draft's row: reloaded first, so a draft made through the API is listed. */
  async open(draftId: string): Promise<void> {
    await openHomeFresh(this.page);
    await this.page.locator(`tr[data-row-key="${draftId}"]`).getByRole('button', { name: '打开' }).click();
    await this.waitLoaded();
  }

  async waitLoaded(): Promise<void> {
    await expect(this.page.locator('.section-view')).toBeVisible();
    // The section list is drawn one frame after the fields (AfterFirstPaint): loaded means both.
    await expect(this.nav.locator('.section-nav-item[data-section]').first()).toBeAttached();
  }

  sectionLink(title: string): Locator {
    // The accessible name is 「<status icon> N. 标题 <status>」.
    return this.nav.getByRole('menuitem', { name: new RegExp(`\\d+\\. ${escapeRegExp(title)}( |$)`) });
  }

  /** The status the section list shows for a section (未开始 / 填写中 / 有错误 / 有警告 / 完成). */
  sectionStatus(title: string): Locator {
    return this.sectionLink(title).locator('.section-nav-status');
  }

  async openSection(title: string): Promise<void> {
    await this.sectionLink(title).click();
    await expect(this.page.locator('.section-title')).toHaveText(title);
  }

  /** The container of a field (label, input, results) by its label. */
  field(label: string): Locator {
    return this.page.locator('[data-field]').filter({ has: this.page.locator('label', { hasText: new RegExp(`^${escapeRegExp(label)}`) }) }).first();
  }

  byId(fieldId: string): Locator {
    return this.page.locator(`[data-field="${fieldId}"]`);
  }

  /** Rule results shown under a field. */
  results(label: string): Locator {
    return this.field(label).locator('.field-result');
  }

  async fill(label: string, value: string): Promise<void> {
    await this.page.getByLabel(label, { exact: true }).fill(value);
  }

  /** 万元 amounts, typed as the user types them. */
  async fillMoney(label: string, wan: string): Promise<void> {
    await this.fill(label, wan);
  }

  async pickSelect(label: string, optionText: string): Promise<void> {
    await this.page.getByLabel(label, { exact: true }).click();
    await this.page.locator('.ant-select-dropdown:visible').getByTitle(optionText, { exact: true }).click();
  }

  /** Start and end month as `YYYY-MM`, typed into the two month pickers. */
  async setMonthRange(label: string, start: string, end: string): Promise<void> {
    const startInput = this.page.getByLabel(`${label}（开始年月）`);
    await startInput.click();
    await startInput.fill(start);
    await startInput.press('Enter');
    const endInput = this.page.getByLabel(`${label}（结束年月）`);
    await endInput.click();
    await endInput.fill(end);
    await endInput.press('Enter');
    await this.page.keyboard.press('Escape');
  }

  table(fieldId: string): Locator {
    return this.byId(fieldId).locator('table.field-table');
  }

  /** Rows of a free table, counted by their 删除 buttons. */
  rowCount(fieldId: string): Promise<number> {
    return this.byId(fieldId).getByRole('button', { name: /^删除第\d+行$/ }).count();
  }

  async addTableRow(fieldId: string): Promise<void> {
    await this.byId(fieldId).getByRole('button', { name: '添加一行' }).click();
  }

  /** A cell of a free table by 1-based row and column label. */
  cell(fieldId: string, row: number, column: string): Locator {
    return this.table(fieldId).getByLabel(`${column}（第${row}行）`, { exact: true });
  }

  /** A select cell of a free table: antd labels both its wrapper and its search input, so the input is found by role. */
  selectCell(fieldId: string, row: number, column: string): Locator {
    return this.table(fieldId).getByRole('combobox', { name: `${column}（第${row}行）`, exact: true });
  }

  async fillCell(fieldId: string, row: number, column: string, value: string): Promise<void> {
    await this.cell(fieldId, row, column).fill(value);
  }

  /** A cell of a fixed-row table (the budget) by row label and column label. */
  fixedCell(fieldId: string, rowLabel: string, column: string): Locator {
    return this.table(fieldId).getByLabel(`${rowLabel} ${column}`, { exact: true });
  }

  /** A select cell of a fixed-row table, by row label and column label. */
  fixedSelectCell(fieldId: string, rowLabel: string, column: string): Locator {
    return this.table(fieldId).getByRole('combobox', { name: `${rowLabel} ${column}`, exact: true });
  }

  async moveRowUp(fieldId: string, row: number): Promise<void> {
    await this.byId(fieldId).getByRole('button', { name: `上移第${row}行` }).click();
  }

  async removeRow(fieldId: string, row: number): Promise<void> {
    await this.byId(fieldId).getByRole('button', { name: `删除第${row}行` }).click();
  }

  /** The column total (万元) shown in the 合计 row. */
  columnTotal(fieldId: string, column: string): Locator {
    return this.table(fieldId).locator(`[data-total="${column}"]`);
  }

  rowTotal(fieldId: string, rowKey: string): Locator {
    return this.table(fieldId).locator(`[data-row-total="${rowKey}"]`);
  }

  /**
   * Types into many plain text inputs of the shown section at once: each gets its value and the
   * input event React listens to, as a paste would give it. A field is named by its input's CSS
   * selector, a table cell by its table's field id and its label (「姓名（第2行）」). One round trip
   * instead of one per input: on a shared, loaded machine those round trips were most of a journey.
   */
  async typeInto(entries: ({ selector: string } | { table: string; label: string })[], values: string[]): Promise<void> {
    const missing = await this.page.evaluate(
      ({ entries, values }) => {
        const notFound: string[] = [];
        entries.forEach((e, i) => {
          const el =
            'selector' in e
              ? document.querySelector(e.selector)
              : [...document.querySelectorAll(`[data-field="${e.table}"] table.field-table :is(input, textarea)`)].find((x) => x.getAttribute('aria-label') === e.label);
          if (!(el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement)) {
            notFound.push('selector' in e ? e.selector : `${e.table} ${e.label}`);
            return;
          }
          const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
          Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(el, values[i] ?? '');
          el.dispatchEvent(new Event('input', { bubbles: true }));
        });
        return notFound;
      },
      { entries, values },
    );
    expect(missing, '这些输入框不在当前页面上').toEqual([]);
  }

  /** Attaches a file through the slot's file picker; the slot is found by its checklist name. */
  async attachFile(slotName: string, path: string): Promise<void> {
    const slot = this.attachmentSlot(slotName);
    await slot.locator('input[type=file]').setInputFiles(path);
  }

  attachmentSlot(slotName: string): Locator {
    return this.page.locator('.attachment-slot').filter({ has: this.page.getByText(slotName, { exact: true }) });
  }

  async tickDeclaration(text: string): Promise<void> {
    await this.page.getByRole('checkbox', { name: text }).check();
  }

  /** Waits for the store's confirmation, which carries the server's save time. */
  async expectSaved(): Promise<void> {
    await expect(this.status).toHaveText(/已保存 \d{2}:\d{2}:\d{2}/);
  }

  async undo(): Promise<void> {
    await this.undoButton.click();
  }

  async redo(): Promise<void> {
    await this.redoButton.click();
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
