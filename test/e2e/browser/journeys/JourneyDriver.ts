import { openApp } from '../pages/openApp';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';
import { formatYuanAsWan } from '../../../../shared/money';
import type { Draft, FieldValue } from '../../../../shared/model/draft';
import type { Column, Field } from '../../../../shared/pack/fields';
import { resolveProgram } from '../../../../shared/pack/resolve';
import { buildPrecheck } from '../../../../shared/precheck';
import { parseRichValue, richToPlainText } from '../../../../shared/richtext';
import { childrenOf } from '../../../../shared/derive/budget';
import { IssuesPanel } from '../pages/IssuesPanel';
import { ReviewPage } from '../pages/ReviewPage';
import { saveScreenshot } from '../pages/screenshots';
import { WizardPage } from '../pages/WizardPage';
import { pickRegion } from '../pages/regionCascader';
import type { Journey, Mistake, SectionPlan } from './data/journeyData';

const inputId = (fieldId: string): string => `#field-${fieldId.replace(/[^A-Za-z0-9_-]/g, '-')}`;
const text = (value: FieldValue | undefined): string => (value === null || value === undefined ? '' : Array.isArray(value) ? value.join('、') : String(value));

type TableField = Extract<Field, { kind: 'table' }>;

/** Fields and cells that are one text input (or textarea): no dropdown, picker or rich editor. */
const isPlainField = (field: Field): boolean => ['text', 'integer', 'money'].includes(field.kind) || (field.kind === 'longText' && !field.rich);
const isPlainColumn = (column: Column): boolean => !column.options && !['select', 'date', 'month'].includes(column.kind);
/** What the applicant types: money in 万元, everything else as its text. */
const asTypedText = (kind: string, value: FieldValue): string => (kind === 'money' ? (typeof value === 'number' ? formatYuanAsWan(value) : '') : text(value));

/** A fixed row takes input unless it is a heading summed from its sub-rows. */
const editableFixedRow = (field: TableField, key: string): boolean => {
  const index = field.fixedRows?.findIndex((r) => r.key === key) ?? -1;
  return index >= 0 && childrenOf(field.fixedRows!, index).length === 0;
};

/** In a fixed-row table the first text column is the category label the app prints, not an input. */
const editableColumns = (field: TableField): Column[] =>
  field.fixedRows ? field.columns.filter((c, i) => !(i === 0 && c.kind === 'text')) : field.columns;

/**
 * The rows as the table stores what was typed: a fixed table keeps its sub-rows by key (in pack
 * order, without the printed category label or the summed headings); a free table keeps every row.
 */
function asTyped(field: TableField, rows: Draft['tables'][string]): Draft['tables'][string] {
  // A blank the fixture spells out ("note": "") is a cell nobody typed into.
  const typed = (row: Draft['tables'][string][number], skip?: string) => Object.fromEntries(Object.entries(row).filter(([k, v]) => k !== skip && v !== '' && v !== null));
  if (!field.fixedRows) return rows.map((r) => typed(r));
  const labelColumn = field.columns.find((c, i) => i === 0 && c.kind === 'text')?.id;
  return field.fixedRows.filter((fr) => editableFixedRow(field, fr.key)).map((fr) => typed(rows.find((r) => r['key'] === fr.key) ?? { key: fr.key }, labelColumn));
}

/**
 * Drives one call's full journey through the UI with the other screens' page objects (WizardPage,
 * IssuesPanel, ReviewPage); steps those objects do not cover (the new-draft flow, typing a value of
 * any field kind, reading the stored draft back) live here.
 */
export class JourneyDriver {
  readonly wizard: WizardPage;
  readonly issues: IssuesPanel;
  readonly review: ReviewPage;
  draftId = '';

  constructor(
    readonly page: Page,
    readonly appUrl: string,
    readonly journey: Journey,
  ) {
    this.wizard = new WizardPage(page);
    this.issues = new IssuesPanel(page);
    this.review = new ReviewPage(page);
  }

  private shot(name: string): Promise<void> {
    return saveScreenshot(this.page, `${this.journey.call}-${name}`);
  }

  /**
   * Picks an option of an antd select. The click goes to the select itself, not its search input:
   * a shown value covers the input, and a select low in the window can sit under the status bar,
   * which Playwright scrolls away from only when it checks what receives the click.
   */
  private async pickOption(input: Locator, label: string, multiple = false): Promise<void> {
    await input.locator('xpath=ancestor-or-self::div[contains(concat(" ", @class, " "), " ant-select ")][1]').click();
    // Long option lists are virtual: typing filters the wanted option into view (the selects are searchable).
    await this.page.keyboard.insertText(label);
    const option = this.page.locator('.ant-select-dropdown:visible').getByTitle(label, { exact: true });
    // Clicking a chosen option of a multiple select would un-choose it (a pre-check answer is chosen already).
    if (multiple && (await option.getAttribute('aria-selected')) === 'true') await this.page.keyboard.press('Escape');
    else await option.click();
  }

  /** A date or month picker takes the typed text on Enter. */
  private async typeDate(input: Locator, value: string): Promise<void> {
    await input.fill(value);
    await input.press('Enter');
  }

  /** 新建申报书: guideline → program (and document type) → direction → pre-check answered from the fixture → create. */
  async createThroughNewDraft(): Promise<void> {
    const { page, journey } = this;
    const next = () => page.getByRole('button', { name: '下一步' }).click();
    // The applicant writes inside the call's window (the fixtures are valid as of that day), not years after its deadline.
    await page.clock.setSystemTime(new Date(`${journey.today}T09:00:00+08:00`));
    await openApp(page, this.appUrl);
    await page.getByRole('button', { name: '新建申报书' }).first().click();
    await page.getByRole('radio', { name: new RegExp(journey.pack.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).check();
    await next();
    const program = journey.fixture.guideline!;
    await page.getByTestId(`program-${program.programId}`).click();
    // A program that takes both document types asks which one; the sections differ (建议书 has no 进度安排).
    const offered = journey.pack.programs.find((p) => p.id === program.programId)?.documentTypes ?? [];
    if (offered.length > 1) {
      const docLabel = program.documentType === 'proposal' ? '项目建议书' : '项目申报书';
      await page.getByTestId(`program-${program.programId}`).getByRole('radio', { name: docLabel, exact: true }).check();
    }
    await next();
    const tree = page.getByRole('tree', { name: '支持方向' });
    // Tree items read 「（1） 电子信息」; a parent is expanded (its switcher) unless the child already shows.
    const item = (name: string) => tree.getByRole('treeitem', { name: new RegExp(`${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }).first();
    for (const [i, name] of journey.directionNames.entries()) {
      const last = i === journey.directionNames.length - 1;
      if (last) await item(name).click();
      else if (!(await item(journey.directionNames[i + 1]!).isVisible())) await item(name).locator('.ant-tree-switcher').click();
    }
    await next();
    await this.answerPrecheck();
    // The valid fixture's applicant may apply: the pre-check must say so before any writing.
    await expect(page.getByTestId('precheck-verdict')).toContainText('预审结论：可以申报');
    await this.shot('precheck');
    await next();
    await page.getByRole('button', { name: '创建并开始填写' }).click();
    // Opening validates the new draft against the whole pack; on a loaded machine that outlasts the default wait.
    await expect(page.locator('.section-view')).toBeVisible({ timeout: 30_000 });
    this.draftId = /#\/drafts\/([0-9a-f-]{36})/.exec(page.url())?.[1] ?? '';
    expect(this.draftId).not.toBe('');
  }

  private async answerPrecheck(): Promise<void> {
    const { page, journey } = this;
    const g = journey.fixture.guideline!;
    const resolved = resolveProgram(journey.pack, g.programId, g.documentType)!;
    for (const q of buildPrecheck(resolved).questions) {
      if (q.kind === 'birthDate') {
        await this.typeDate(page.locator('#pc-birth'), text(journey.fixture.values['pi.birthDate']));
      } else if (q.kind === 'value') {
        const value = text(journey.fixture.values[q.id]);
        if (value === '') continue;
        if (q.region) await pickRegion(page, page.locator(`#pc-${q.id.replace(/\./g, '\\.')}`), value);
        else if (q.options) await this.pickOption(page.locator(`#pc-${q.id.replace(/\./g, '\\.')}`), q.options.find((o) => o.value === value)?.label ?? value);
        else await page.getByLabel(q.label, { exact: true }).fill(value);
      } else {
        const rows = journey.fixture.tables[q.id] ?? [];
        if (rows.length === 0) await page.getByRole('checkbox', { name: `没有${q.label}` }).check();
        for (const [i, row] of rows.entries()) {
          await page.getByRole('button', { name: `添加${q.label}` }).click();
          for (const c of q.columns) {
            const value = text(row[c.id]);
            if (value === '') continue;
            const box = page.getByLabel(`${q.label}${i + 1} ${c.label}`, { exact: true });
            if (c.options) await this.pickOption(box, c.options.find((o) => o.value === value)?.label ?? value);
            else await box.fill(value);
          }
        }
      }
    }
  }

  /** Types one value the way the field's widget takes it. */
  async setField(field: Field, value: FieldValue): Promise<void> {
    const { page } = this;
    const input = page.locator(inputId(field.id));
    switch (field.kind) {
      case 'text':
      case 'integer':
        await input.fill(text(value));
        break;
      case 'money':
        await input.fill(typeof value === 'number' ? formatYuanAsWan(value) : '');
        break;
      case 'longText':
        if (field.rich) await this.typeRich(field.id, value);
        else await input.fill(text(value));
        break;
      case 'date':
        await this.typeDate(input, text(value));
        break;
      case 'monthRange': {
        const [start, end] = Array.isArray(value) ? value : ['', ''];
        await this.wizard.setMonthRange(field.label, start ?? '', end ?? '');
        break;
      }
      case 'select':
        await this.pickOption(input, field.options.find((o) => o.value === value)?.label ?? text(value));
        break;
      case 'region':
        await pickRegion(page, input, text(value));
        break;
      case 'multiSelect':
        for (const v of Array.isArray(value) ? value : [text(value)]) {
          await this.pickOption(input, field.options.find((o) => o.value === v)?.label ?? v, true);
        }
        await page.keyboard.press('Escape');
        break;
      case 'table':
        break;
    }
  }

  /** Replaces a rich field's content, typing paragraph by paragraph (Enter between them). */
  private async typeRich(fieldId: string, value: FieldValue): Promise<void> {
    const editor = this.page.locator(inputId(fieldId));
    await editor.click();
    await this.page.keyboard.press('Control+a');
    await this.page.keyboard.press('Delete');
    const lines = richToPlainText(parseRichValue(value)).split('\n');
    for (const [i, line] of lines.entries()) {
      if (i > 0) await this.page.keyboard.press('Enter');
      if (line !== '') await this.page.keyboard.insertText(line);
    }
  }

  private async fillCell(field: Extract<Field, { kind: 'table' }>, rowNo: number, rowLabel: string | null, column: Column, value: FieldValue): Promise<void> {
    const w = this.wizard;
    if (column.options) {
      const select = rowLabel === null ? w.selectCell(field.id, rowNo, column.label) : w.fixedSelectCell(field.id, rowLabel, column.label);
      await this.pickOption(select, column.options.find((o) => o.value === value)?.label ?? text(value));
      return;
    }
    const cell = rowLabel === null ? w.cell(field.id, rowNo, column.label) : w.fixedCell(field.id, rowLabel, column.label);
    if (column.kind === 'date' || column.kind === 'month') await this.typeDate(cell, text(value));
    else await cell.fill(asTypedText(column.kind, value));
  }

  async fillTable(field: TableField, rows: Draft['tables'][string]): Promise<void> {
    const cells: { rowNo: number; rowLabel: string | null; column: Column; value: FieldValue }[] = [];
    // The pre-check's answers (a partner) may have started the table already.
    let shown = field.fixedRows ? 0 : await this.wizard.rowCount(field.id);
    for (const [i, row] of rows.entries()) {
      const fixed = field.fixedRows?.find((r) => r.key === row['key']);
      if (!fixed && i >= shown) {
        await this.wizard.addTableRow(field.id);
        shown += 1;
      }
      // A budget heading (二、业务费) is the sum of its sub-rows: nothing to type.
      if (fixed && !editableFixedRow(field, fixed.key)) continue;
      for (const column of editableColumns(field)) {
        const value = row[column.id];
        if (value !== undefined && value !== null && value !== '') cells.push({ rowNo: i + 1, rowLabel: fixed ? fixed.label : null, column, value });
      }
    }
    const plain = cells.filter((c) => isPlainColumn(c.column));
    await this.wizard.typeInto(
      plain.map((c) => ({ table: field.id, label: c.rowLabel === null ? `${c.column.label}（第${c.rowNo}行）` : `${c.rowLabel} ${c.column.label}` })),
      plain.map((c) => asTypedText(c.column.kind, c.value)),
    );
    for (const c of cells.filter((x) => !isPlainColumn(x.column))) await this.fillCell(field, c.rowNo, c.rowLabel, c.column, c.value);
  }

  /** Plain inputs of the section in one go, then the widgets that need their own gestures (selects, pickers, the rich editor). */
  async fillSection(plan: SectionPlan): Promise<void> {
    await this.wizard.openSection(plan.title);
    const plain = plan.fields.filter(({ field }) => isPlainField(field));
    await this.wizard.typeInto(
      plain.map(({ field }) => ({ selector: inputId(field.id) })),
      plain.map(({ field, value }) => asTypedText(field.kind, value)),
    );
    for (const { field, value } of plan.fields) if (!isPlainField(field)) await this.setField(field, value);
    for (const { field, rows } of plan.tables) await this.fillTable(field, rows);
  }

  async fillEverySection(): Promise<void> {
    for (const plan of this.journey.sections) await this.fillSection(plan);
    await this.wizard.expectSaved();
  }

  /** Types the mistake's wrong values into their fields (in whatever section holds them). */
  async makeMistake(m: Mistake): Promise<void> {
    for (const [id, value] of Object.entries(m.wrong)) {
      const plan = this.journey.sections.find((s) => s.fields.some((f) => f.field.id === id));
      const field = plan?.fields.find((f) => f.field.id === id)?.field;
      if (!plan || !field) continue; // derived (e.g. birth date from the ID): the app fills it
      await this.wizard.openSection(plan.title);
      await this.setField(field, value);
    }
  }

  /** The issue shows its message with the computed values and its citation; 定位 focuses the field; typing the right value clears it. */
  async seeAndFix(m: Mistake): Promise<void> {
    await this.issues.open();
    const item = this.issues.issue(m.issue.ruleId);
    await expect(item).toContainText(m.issue.message.split('：')[0]!);
    await expect(item).toContainText(m.issue.citation.clause);
    const quote = await this.issues.showQuote(m.issue.ruleId);
    await expect(quote).toContainText(m.issue.citation.quote.slice(0, 20));
    if (m === this.journey.mistakes[0]) await this.shot('issues');
    await this.issues.locate(m.issue.ruleId);
    const focusId = m.issue.field ?? Object.keys(m.wrong)[0]!;
    await expect(this.page.locator(inputId(focusId))).toBeFocused();
    for (const [id, value] of Object.entries(m.right)) {
      const field = this.journey.sections.flatMap((s) => s.fields).find((f) => f.field.id === id)?.field;
      if (field) await this.setField(field, value);
    }
    await this.issues.open();
    await expect(this.issues.issue(m.issue.ruleId)).toHaveCount(0);
    await this.issues.close();
  }

  async attachFiles(dir: string): Promise<void> {
    const { journey } = this;
    const attachmentsSection = 'attachments';
    if (journey.attachmentSlots.length === 0) return;
    await mkdir(dir, { recursive: true });
    const title = journey.sections.find((s) => s.id === attachmentsSection)?.title ?? '附件清单';
    await this.wizard.openSection(title);
    for (const slot of journey.attachmentSlots) {
      const file = path.join(dir, `${slot.id}.pdf`);
      await writeFile(file, `%PDF-1.4\n% ${slot.name}\n%%EOF\n`);
      await this.wizard.attachFile(slot.name, file);
      await expect(this.wizard.attachmentSlot(slot.name)).toContainText(`${slot.id}.pdf`);
    }
  }

  async tickDeclarations(): Promise<void> {
    const { journey } = this;
    if (journey.declarationIds.length === 0) return;
    await this.wizard.openSection('承诺书');
    const labels = journey.pack.programs.flatMap((p) => p.declarations ?? []).concat(journey.pack.declarations ?? []);
    for (const id of journey.declarationIds) {
      const d = labels.find((x) => x.id === id);
      if (d) await this.wizard.tickDeclaration(d.text);
    }
  }

  /** The stored draft, as the export gives it: what survives a reload. */
  async storedDraft(): Promise<Draft> {
    return this.page.evaluate(async (id) => {
      const response = await fetch('/api/draftsExport', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-shenbao': '1' },
        credentials: 'same-origin',
        body: JSON.stringify({ id }),
      });
      const body = (await response.json()) as { ok: boolean; data: { content: string } };
      return JSON.parse(body.data.content) as Draft;
    }, this.draftId);
  }

  /** Every value, row and declaration of the fixture is in the stored draft (narratives compared as text). */
  expectIntact(stored: Draft): void {
    const { fixture } = this.journey;
    for (const plan of this.journey.sections) {
      for (const { field, value } of plan.fields) {
        const got = stored.values[field.id];
        if (field.kind === 'longText' && field.rich) expect(richToPlainText(parseRichValue(got)), field.id).toBe(richToPlainText(parseRichValue(value)));
        else expect(got, field.id).toEqual(value);
      }
      for (const { field, rows } of plan.tables) expect(stored.tables[field.id], field.id).toEqual(asTyped(field, rows));
    }
    for (const id of this.journey.declarationIds) expect(stored.declarations[id], id).toBe(true);
    for (const slot of this.journey.attachmentSlots) expect(stored.attachments[slot.id]?.length ?? 0, slot.id).toBeGreaterThan(0);
    expect(stored.guideline).toEqual(fixture.guideline);
  }

  async reviewAndFinalize(): Promise<void> {
    await this.review.openFromWizard();
    await this.shot('review');
    await this.review.finalize();
  }
}
