import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Space, Tabs } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { LIMITS } from '../../../shared/model/limits';
import type { DraftSummary, StoredDraft } from '../../../shared/ipc/contract';
import { draftTitle } from '../../../shared/model/draftNames';
import { errorMessage } from '../api/client';
import { navigate } from '../app/hashRoute';
import { lazyPart } from '../app/lazyPart';
import { undoableMessage } from '../app/undoableMessage';
import { readTextFile } from '../app/readTextFile';
import { useAppStore } from '../store';
import { DraftFilters } from './DraftFilters';
import { DraftsTable } from './DraftsTable';
import { NO_FILTER, type DraftFilter } from '../../../shared/model/draftFilter';
import { copyOutcome, failing } from './copyOutcome';
import { CopyOutcomeView } from './CopyOutcomeView';
import { exportDraftData } from './exportDraftData';
import { ImportDraftButton } from './ImportDraftButton';
import { readFileBase64 } from '../fields/readFileBase64';
import { DRAFT_ARCHIVE_MAX_BYTES } from '../../../shared/ipc/domains/draftArchiveLimit';
import { TrashTable } from './TrashTable';
import { DRAFTS_PAGE_SIZE } from '../store/draftsSlice';

/** How long the search word rests before the list is asked for (typing on restarts the wait). */
const SEARCH_DELAY_MS = 250;

// The rename dialog (antd's Form) loads when 重命名 is first clicked, not with the home page.
const RenameModal = lazyPart(() => import('./RenameModal').then((m) => m.RenameModal), '重命名', { quiet: true });

export function DraftsPage() {
  const { message, modal } = App.useApp();
  const draftPage = useAppStore((s) => s.draftPage);
  const request = useAppStore((s) => s.draftPageRequest);
  const trash = useAppStore((s) => s.trashPage);
  const trashPageNumber = useAppStore((s) => s.trashPageNumber);
  const listLoading = useAppStore((s) => s.listLoading);
  const listError = useAppStore((s) => s.listError);
  const listTab = useAppStore((s) => s.listTab);
  const setListTab = useAppStore((s) => s.setListTab);
  const [renaming, setRenaming] = useState<DraftSummary | null>(null);
  // What the search box and filters show at once; the services get the search word a moment after typing stops.
  const [filter, setFilter] = useState<DraftFilter>(request.filter);
  const typing = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(typing.current), []);
  const changeFilter = (next: DraftFilter): void => {
    setFilter(next);
    window.clearTimeout(typing.current);
    const onlyTheWord = next.packId === filter.packId && next.status === filter.status && next.onlyWithErrors === filter.onlyWithErrors;
    const load = (): void => void useAppStore.getState().loadDrafts({ filter: next, page: 1 });
    if (onlyTheWord && next.query !== '') typing.current = window.setTimeout(load, SEARCH_DELAY_MS);
    else load();
  };
  const filtered = JSON.stringify(request.filter) !== JSON.stringify(NO_FILTER);

  useEffect(() => {
    const store = useAppStore.getState();
    // Coming back from the editor: let its last save land so the list shows the new name.
    void store.flushSave().finally(() => {
      void store.loadDrafts();
      void store.loadTrash();
    });
  }, []);

  /** Runs a store action and reports a failure in Chinese; returns whether it succeeded. */
  const attempt = async (action: () => Promise<unknown>, failure: string): Promise<boolean> => {
    try {
      await action();
      return true;
    } catch (e) {
      void message.error(`${failure}：${errorMessage(e)}`);
      return false;
    }
  };

  const store = useAppStore.getState;

  // 新建 goes through the guideline → program → direction → pre-check steps.
  const create = (): void => navigate({ name: 'newDraft' });

  const remove = async (draft: DraftSummary): Promise<void> => {
    if (!(await attempt(() => store().deleteDraft(draft.id), '删除失败'))) return;
    undoableMessage(message, `deleted-${draft.id}`, `已将「${draft.title}」移到回收站。`, () => {
      void attempt(() => store().restoreDraft(draft.id), '撤销失败').then((ok) => {
        if (ok) void message.success(`已恢复「${draft.title}」`);
      });
    });
  };

  const exportDraft = (draft: DraftSummary): Promise<void> => exportDraftData(draft.id, message);

  const importArchive = async (file: File): Promise<void> => {
    if (file.size > DRAFT_ARCHIVE_MAX_BYTES) {
      void message.error(`导入失败：草稿数据文件不能超过 ${Math.floor(DRAFT_ARCHIVE_MAX_BYTES / 1024 / 1024)} MB`);
      return;
    }
    let base64: string;
    try {
      base64 = await readFileBase64(file);
    } catch {
      void message.error('导入失败：无法读取所选文件');
      return;
    }
    try {
      const imported = await store().importDraftArchive(base64);
      setListTab('drafts');
      const withFiles = imported.attachmentCount > 0 ? `，连同 ${imported.attachmentCount} 个附件` : '';
      const text = `已导入「${draftTitle(imported.draft)}」${withFiles}`;
      if (imported.missing.length > 0) void message.warning(`${text}；文件中没有带上 ${imported.missing.length} 个附件（${imported.missing.join('、')}），请在附件清单中重新添加`);
      else void message.success(text);
    } catch (e) {
      void message.error(`导入失败：${errorMessage(e)}`);
    }
  };

  const importFile = async (file: File): Promise<void> => {
    if (await isZipFile(file)) {
      await importArchive(file);
      return;
    }
    if (file.size > LIMITS.draftFileBytes) {
      void message.error('导入失败：草稿文件不能超过 20 MB');
      return;
    }
    let content: string;
    try {
      content = await readTextFile(file);
    } catch (e) {
      void message.error(`导入失败：${errorMessage(e)}`);
      return;
    }
    try {
      const imported = await store().importDraft(content);
      setListTab('drafts');
      void message.success(`已导入「${draftTitle(imported.draft)}」`);
    } catch (e) {
      void message.error(`导入失败：${errorMessage(e)}`);
    }
  };

  const duplicate = async (draft: DraftSummary): Promise<void> => {
    const before = draft.packId === null ? null : await failing(draft.id);
    let copy: StoredDraft | null = null;
    if (!(await attempt(async () => (copy = await store().duplicateDraft(draft.id)), '复制失败')) || !copy) return;
    const outcome = await copyOutcome(draft, before, copy);
    modal.info({ title: `已复制「${draft.title}」`, content: <CopyOutcomeView outcome={outcome} />, okText: '知道了', width: 520 });
  };

  const restore = async (draft: DraftSummary): Promise<void> => {
    if (await attempt(() => store().restoreDraft(draft.id), '恢复失败')) void message.success(`已恢复「${draft.title}」`);
  };

  const purge = async (draft: DraftSummary): Promise<void> => {
    if (await attempt(() => store().purgeDraft(draft.id), '彻底删除失败')) void message.success(`已彻底删除「${draft.title}」`);
  };

  const toolbar = (
    <Space>
      <ImportDraftButton onFile={(file) => void importFile(file)} />
      <Button type="primary" icon={<PlusOutlined />} onClick={create}>
        新建申报书
      </Button>
    </Space>
  );

  return (
    <div className="drafts-panel">
      {listError && <Alert type="error" showIcon message={`读取草稿列表失败：${listError}`} style={{ marginBottom: 16 }} />}
      <Tabs
        activeKey={listTab}
        onChange={(key) => setListTab(key === 'trash' ? 'trash' : 'drafts')}
        tabBarExtraContent={toolbar}
        items={[
          {
            key: 'drafts',
            label: `我的草稿（${draftPage.all}）`,
            children: (
              <>
              {draftPage.all > 0 && <DraftFilters packs={draftPage.packs} value={filter} onChange={changeFilter} />}
              <DraftsTable
                drafts={draftPage.rows}
                filtered={filtered && draftPage.all > 0}
                loading={listLoading}
                paging={{
                  page: request.page,
                  pageSize: request.pageSize,
                  total: draftPage.total,
                  sort: request.sort,
                  onChange: (page, sort) => void store().loadDrafts({ page, sort }),
                }}
                onCreate={create}
                onOpen={(d) => navigate({ name: 'editor', draftId: d.id })}
                onRename={setRenaming}
                onDuplicate={(d) => void duplicate(d)}
                onExportData={(d) => void exportDraft(d)}
                onDelete={(d) => void remove(d)}
              />
              </>
            ),
          },
          {
            key: 'trash',
            label: `回收站（${trash.all}）`,
            children: (
              <TrashTable
                trash={trash}
                page={trashPageNumber}
                pageSize={DRAFTS_PAGE_SIZE}
                onPage={(page) => void store().loadTrash(page)}
                onRestore={(d) => void restore(d)}
                onPurge={(d) => void purge(d)}
              />
            ),
          },
        ]}
      />
      {renaming && (
        <RenameModal
          draft={renaming}
          onSubmit={(title) => store().renameDraft(renaming.id, title)}
          onClose={() => setRenaming(null)}
        />
      )}
    </div>
  );
}

/** A 草稿数据文件 is told by its first bytes (a zip's 「PK\x03\x04」), so a renamed file still imports the right way. */
async function isZipFile(file: Blob): Promise<boolean> {
  try {
    const head = new Uint8Array(await file.slice(0, 4).arrayBuffer());
    return head.length === 4 && head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
  } catch {
    return false;
  }
}
