import { useCallback, useEffect, useRef, useState } from 'react';
import type { StudioCheck } from '../../../shared/ipc/domains/studio.contract';
import type { Severity } from '../../../shared/pack/rules';
import type { AddedField, FieldEdit, StudioEdits } from '../../../shared/studio/studioEdits';
import type { OutlineEdit } from '../../../shared/studio/outlineEdits';
import { restructureDraft } from '../../../shared/studio/restructureDraft';
import type { StudioDraftFile } from '../../../shared/studio/studioFile';
import { call, errorMessage } from '../api/client';
import { readFileBase64 } from '../fields/readFileBase64';
import { NOTICE_MAX_BYTES } from '../../../shared/ipc/domains/studio.contract';

export type UnrecognizedDecision = StudioEdits['unrecognized'][string];

export interface StudioState {
  draft: StudioDraftFile | null;
  edits: StudioEdits;
  /** The last check or save answer; cleared by any edit, so what it says is about the pack shown. */
  result: StudioCheck | null;
  busy: 'open' | 'check' | 'save' | null;
  error: string | null;
  /** A merge or split that could not be made (Chinese). */
  outlineError?: string | null;
  /** The decisions changed since they were last saved on this computer. */
  dirty?: boolean;
  /** The local save of the work in progress: what the page may say about it. */
  session?: SessionStatus;
  /** Decisions saved earlier for this same notice, offered as 「继续上次的审核」. */
  offer?: { savedAt: string; edits: StudioEdits } | null;
}

export type SessionStatus = { state: 'idle' } | { state: 'saving' } | { state: 'saved'; at: string } | { state: 'failed'; error: string };

/** How long the decisions rest before they are written: typing a name does not write on every key. */
const SAVE_DELAY_MS = 700;

const EMPTY_EDITS: StudioEdits = { meta: { id: '', title: '', version: '1.0.0', year: 2026 }, proposals: {}, unrecognized: {}, fields: {} };

/** The 指南工作台's working state: the notice's proposals and the user's decisions, kept in the page until saved. */
export function useStudio() {
  const [state, setState] = useState<StudioState>({ draft: null, edits: EMPTY_EDITS, result: null, busy: null, error: null });

  const opened = (draft: StudioDraftFile): void => {
    setState({
      draft,
      edits: { meta: { id: draft.pack.id, title: draft.pack.title, version: draft.pack.version, year: draft.pack.year }, proposals: {}, unrecognized: {}, fields: {} },
      result: null,
      busy: null,
      error: null,
      session: { state: 'idle' },
      offer: null,
    });
    // The same notice reviewed before: its saved decisions are offered, not applied unasked.
    call('studioSessionGet', { notice: draft.notice }).then(
      (saved) => saved && setState((s) => (s.draft?.notice.text === draft.notice.text && !s.dirty ? { ...s, offer: { savedAt: saved.savedAt, edits: saved.edits } } : s)),
      () => undefined,
    );
  };

  const open = useCallback(async (input: { file: File } | { text: string }): Promise<void> => {
    // Told before the file is read into the window, not after: a 2 GB pick must not be loaded first.
    if ('file' in input && input.file.size > NOTICE_MAX_BYTES) {
      const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
      setState((s) => ({ ...s, busy: null, error: `通知文件「${input.file.name}」过大（${mb(input.file.size)}），不能超过 ${NOTICE_MAX_BYTES / 1024 / 1024} MB` }));
      return;
    }
    setState((s) => ({ ...s, busy: 'open', error: null }));
    try {
      const draft =
        'file' in input
          ? await call('studioDraft', { fileName: input.file.name, base64: await readFileBase64(input.file) })
          : await call('studioDraft', { fileName: '粘贴的通知', text: input.text });
      opened(draft);
    } catch (e) {
      setState((s) => ({ ...s, busy: null, error: errorMessage(e) }));
    }
  }, []);

  const edit = (change: (edits: StudioEdits) => StudioEdits): void => setState((s) => ({ ...s, edits: change(s.edits), result: null, dirty: true, offer: null }));

  const decide = (id: string, decision: { status: 'accepted' | 'rejected'; params?: Record<string, unknown>; severity?: Severity; message?: string } | null): void =>
    edit((e) => {
      const proposals = { ...e.proposals };
      if (decision === null) delete proposals[id];
      else proposals[id] = decision;
      return { ...e, proposals };
    });

  const decideRest = (status: 'accepted' | 'rejected'): void =>
    edit((e) => ({ ...e, proposals: { ...Object.fromEntries((state.draft?.proposals ?? []).map((p) => [p.id, { status }])), ...e.proposals } }));

  const decideRequirement = (index: number, decision: UnrecognizedDecision | null): void =>
    edit((e) => {
      const unrecognized = { ...e.unrecognized };
      if (decision === null) delete unrecognized[`u${index}`];
      else unrecognized[`u${index}`] = decision;
      return { ...e, unrecognized };
    });

  const setMeta = (meta: StudioEdits['meta']): void => edit((e) => ({ ...e, meta }));

  const setField = (id: string, change: FieldEdit): void =>
    edit((e) => {
      const next = { ...e.fields[id], ...change };
      const fields = { ...e.fields, [id]: next };
      return { ...e, fields };
    });

  const setSectionTitle = (id: string, title: string): void => edit((e) => ({ ...e, sections: { ...e.sections, [id]: title } }));

  /** Adds a field with the next free id (custom.f1, custom.f2…). */
  const addField = (field: Omit<AddedField, 'id'>): void =>
    edit((e) => {
      const taken = new Set((e.addedFields ?? []).map((f) => f.id));
      let n = 1;
      while (taken.has(`custom.f${n}`)) n++;
      return { ...e, addedFields: [...(e.addedFields ?? []), { ...field, id: `custom.f${n}` }] };
    });

  const submit = async (which: 'check' | 'save'): Promise<void> => {
    if (!state.draft) return;
    setState((s) => ({ ...s, busy: which, error: null }));
    try {
      const input = { notice: state.draft.notice, edits: state.edits };
      const result = which === 'save' ? await call('studioSave', input) : await call('studioCheck', input);
      setState((s) => ({ ...s, busy: null, result }));
    } catch (e) {
      setState((s) => ({ ...s, busy: null, error: errorMessage(e) }));
    }
  };

  /**
   * 与下一条合并 / 在此处拆分 (or undoing the last of them): the proposals are recomputed on the
   * edited tree, as the server does when saving; decisions follow the proposals that remain.
   */
  const restructure = (outline: OutlineEdit[]): void =>
    setState((s) => {
      if (!s.draft) return s;
      const next = restructureDraft(s.draft, s.edits, outline);
      if (next.problems.length > 0) return { ...s, outlineError: next.problems.join('；') };
      return { ...s, draft: next.draft, edits: next.edits, result: null, outlineError: null, dirty: true, offer: null };
    });

  /** 继续上次的审核: the saved decisions, on the clause tree as they had merged and split it. */
  const resume = (): void =>
    setState((s) => {
      if (!s.draft || !s.offer) return s;
      const saved = s.offer.edits;
      const next = restructureDraft(s.draft, { ...saved, proposals: {}, unrecognized: {} }, saved.outline ?? []);
      return { ...s, draft: next.draft, edits: saved, result: null, outlineError: next.problems.length > 0 ? next.problems.join('；') : null, dirty: false, offer: null, session: { state: 'saved', at: s.offer.savedAt } };
    });

  /** 重新开始: the saved decisions of this notice are forgotten. */
  const discardOffer = (): void => {
    const notice = state.draft?.notice;
    setState((s) => ({ ...s, offer: null }));
    if (notice) call('studioSessionDiscard', { notice }).catch(() => undefined);
  };

  // The work in progress is written a moment after the last change; 已保存 only once the write succeeded.
  const latest = useRef(state);
  latest.current = state;
  useEffect(() => {
    if (!state.draft || !state.dirty) return;
    const timer = window.setTimeout(() => {
      const { draft, edits } = latest.current;
      if (!draft) return;
      setState((s) => ({ ...s, session: { state: 'saving' } }));
      call('studioSessionSave', { notice: draft.notice, edits }).then(
        ({ savedAt }) => setState((s) => (s.edits === edits ? { ...s, dirty: false, session: { state: 'saved', at: savedAt } } : s)),
        (e: unknown) => setState((s) => (s.edits === edits ? { ...s, session: { state: 'failed', error: errorMessage(e) } } : s)),
      );
    }, SAVE_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [state.draft, state.edits, state.dirty]);

  const close = (): void => setState({ draft: null, edits: EMPTY_EDITS, result: null, busy: null, error: null });

  return { state, open, restructure, resume, discardOffer, decide, decideRest, decideRequirement, setMeta, setField, setSectionTitle, addField, change: edit, submit, close };
}

export type Studio = ReturnType<typeof useStudio>;
