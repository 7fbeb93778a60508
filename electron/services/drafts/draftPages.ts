import { chinaToday } from '../../../shared/dates';
import type { DraftPage, DraftSummary } from '../../../shared/ipc/contract';
import { passesFilters, searchedTexts, sortDrafts, type DraftFilter } from '../../../shared/model/draftFilter';
import type { DraftSort } from '../../../shared/ipc/contract';
import type { PackRegistry } from '../packs/registry';
import type { DraftService } from './draftService';

export interface PageRequest extends Partial<Omit<DraftFilter, 'packId' | 'status'>> {
  page: number;
  pageSize: number;
  packId?: string | null;
  status?: DraftSummary['status'] | null;
  sort?: DraftSort;
}

/**
 * What the search looks in, for every listed draft, lower-cased. Names and units: in one string,
 * draft i's between starts[i] and starts[i + 1], separated by a character no search word holds, so a
 * search is a few native indexOf calls rather than a test of every draft. Guideline and program
 * names: each distinct one once, with the drafts that carry it (hundreds of drafts share a few).
 */
interface SearchIndex {
  text: string;
  starts: number[];
  labels: Map<string, number[]>;
}

const SEPARATOR = '\u0000';

function searchIndexOf(summaries: readonly DraftSummary[]): SearchIndex {
  const starts: number[] = [];
  const labels = new Map<string, number[]>();
  let text = '';
  summaries.forEach((summary, i) => {
    starts.push(text.length);
    text += [summary.title, summary.unitName ?? ''].join(SEPARATOR).toLowerCase() + SEPARATOR;
    for (const label of [summary.programName, summary.packTitle]) {
      if (typeof label !== 'string') continue;
      const key = label.toLowerCase();
      const carriers = labels.get(key) ?? [];
      if (carriers.at(-1) !== i) carriers.push(i);
      labels.set(key, carriers);
    }
  });
  starts.push(text.length);
  return { text, starts, labels };
}

/** The draft whose texts hold position `at`: the last start at or before it. */
function draftAt(starts: readonly number[], at: number): number {
  let low = 0;
  let high = starts.length - 2;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid]! <= at) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** The indexes of the drafts whose texts hold `q`, in list order. */
function searchFor(index: SearchIndex, q: string): number[] {
  const found: number[] = [];
  let at = index.text.indexOf(q);
  while (at !== -1) {
    const i = draftAt(index.starts, at);
    found.push(i);
    at = index.text.indexOf(q, index.starts[i + 1]);
  }
  const byLabel = [...index.labels].filter(([label]) => label.includes(q)).map(([, carriers]) => carriers);
  if (byLabel.length === 0) return found;
  const marked = new Uint8Array(index.starts.length - 1);
  for (const i of found) marked[i] = 1;
  for (const carriers of byLabel) for (const i of carriers) marked[i] = 1;
  const all: number[] = [];
  marked.forEach((m, i) => {
    if (m === 1) all.push(i);
  });
  return all;
}

/**
 * One page of the 回收站, last deleted first (the service's order): the trash is not searched or
 * filtered, and its drafts have no progress, so the service's list is cut as it is.
 */
export function trashPage(drafts: DraftService, request: Pick<PageRequest, 'page' | 'pageSize'>): DraftPage {
  const trash = drafts.list({ trash: true });
  const from = (request.page - 1) * request.pageSize;
  return { rows: trash.slice(from, from + request.pageSize), total: trash.length, all: trash.length, packs: [] };
}

/**
 * The home page's list one page at a time. The whole list with progress (cross-draft rules need
 * every draft) is made again only when something it shows can have changed: a write on the database
 * by this process or another (SQLite's change counters), a new day (deadlines), or the installed
 * guidelines. Otherwise a page is a search through the kept list, in memory: measured at 2,000
 * drafts, counting the matches in SQL (a LIKE over the summaries) took about 0.8 ms, this well
 * under 0.1 ms.
 */
export function createDraftPages(deps: { drafts: DraftService; packs: PackRegistry; now?: () => Date; listWithProgress: () => DraftSummary[] }) {
  const { drafts, packs, now = () => new Date(), listWithProgress } = deps;
  let stamp = '';
  let listed: DraftSummary[] = [];
  let index: SearchIndex = { text: '', starts: [0], labels: new Map() };
  let packOptions: DraftPage['packs'] = [];

  const stampNow = (): string => `${drafts.changeStamp()}|${chinaToday(now())}|${packs.changeCount()}`;

  const refresh = (): void => {
    const next = stampNow();
    if (next === stamp) return;
    listed = listWithProgress();
    index = searchIndexOf(listed);
    const seen = new Map<string, string | null>();
    for (const s of listed) if (s.packId && !seen.has(s.packId)) seen.set(s.packId, s.packTitle);
    packOptions = [...seen].map(([id, title]) => ({ id, title }));
    // The stamp from before the list: a write by another process while it was read shows at the next page.
    stamp = next;
  };

  return (request: PageRequest): DraftPage => {
    refresh();
    const q = (request.query ?? '').trim().toLowerCase();
    const filter = { packId: request.packId ?? null, status: request.status ?? null, onlyWithErrors: request.onlyWithErrors === true };
    const filtered = filter.packId !== null || filter.status !== null || filter.onlyWithErrors;
    const from = (request.page - 1) * request.pageSize;
    const sorted = (matching: readonly DraftSummary[]): readonly DraftSummary[] =>
      request.sort === undefined || request.sort === 'updatedDesc' ? matching : sortDrafts(matching, request.sort);
    const page = (matching: readonly DraftSummary[]): DraftPage => ({
      // Copies: the kept list must not change with what a caller does to its page.
      rows: sorted(matching).slice(from, from + request.pageSize).map((s) => ({ ...s })),
      total: matching.length,
      all: listed.length,
      packs: packOptions,
    });
    if (q === '' && !filtered) return page(listed);
    // A word that holds the separator cannot be found through the index; no draft's text holds it either way in practice.
    const candidates = q === '' ? listed : q.includes(SEPARATOR) ? listed.filter((s) => searchedTexts(s).some((t) => t.toLowerCase().includes(q))) : searchFor(index, q).map((i) => listed[i]!);
    return page(filtered ? candidates.filter((s) => passesFilters(s, filter)) : candidates);
  };
}
