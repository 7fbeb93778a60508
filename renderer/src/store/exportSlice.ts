import type { StateCreator } from 'zustand';
import type { ExportJobStatus, ExportReadiness, ExportedDocument } from '../../../shared/ipc/domains/export.contract';
import type { VerifyResult } from '../../../shared/export/manifest';
import { call, errorMessage } from '../api/client';
import type { AppState } from './types';

export interface PackageJob {
  draftId: string;
  jobId: string;
  status: ExportJobStatus;
}

export interface ExportSlice {
  exportReadiness: ExportReadiness | null;
  exportReadinessFor: string | null;
  exportReadinessError: string | null;
  packageJob: PackageJob | null;
  packageError: string | null;
  verifyResult: VerifyResult | null;
  verifyFileName: string | null;
  verifyError: string | null;
  verifying: boolean;
  loadExportReadiness: (draftId: string) => Promise<void>;
  exportDocument: (draftId: string, kind: 'docx' | 'pdf') => Promise<ExportedDocument>;
  startPackage: (draftId: string) => Promise<void>;
  /** Asks the services for the job's state once; the page polls while it runs. */
  refreshPackageJob: () => Promise<void>;
  cancelPackage: () => Promise<void>;
  /** Electron: native save dialog. Returns the path written, or null when the user cancelled. */
  savePackageAs: () => Promise<string | null>;
  verifyUpload: (fileName: string, base64: string) => Promise<void>;
  clearVerify: () => void;
}

export const createExportSlice: StateCreator<AppState, [], [], ExportSlice> = (set, get) => ({
  exportReadiness: null,
  exportReadinessFor: null,
  exportReadinessError: null,
  packageJob: null,
  packageError: null,
  verifyResult: null,
  verifyFileName: null,
  verifyError: null,
  verifying: false,

  loadExportReadiness: async (draftId) => {
    set({ exportReadinessFor: draftId, exportReadinessError: null });
    try {
      const readiness = await call('exportBlockers', { id: draftId });
      if (get().exportReadinessFor === draftId) set({ exportReadiness: readiness });
    } catch (e) {
      if (get().exportReadinessFor === draftId) set({ exportReadiness: null, exportReadinessError: errorMessage(e) });
    }
  },

  exportDocument: (draftId, kind) => call(kind === 'docx' ? 'exportDocx' : 'exportPdf', { id: draftId }),

  startPackage: async (draftId) => {
    set({ packageError: null, packageJob: null });
    try {
      const { jobId } = await call('exportPackageStart', { id: draftId });
      set({ packageJob: { draftId, jobId, status: { state: 'running', step: '正在准备', progress: 0 } } });
    } catch (e) {
      set({ packageError: errorMessage(e) });
    }
  },

  refreshPackageJob: async () => {
    const job = get().packageJob;
    if (!job) return;
    try {
      const status = await call('exportJobStatus', { jobId: job.jobId });
      if (get().packageJob?.jobId === job.jobId) set({ packageJob: { ...job, status } });
    } catch (e) {
      set({ packageError: errorMessage(e) });
    }
  },

  cancelPackage: async () => {
    const job = get().packageJob;
    if (!job) return;
    try {
      const status = await call('exportJobCancel', { jobId: job.jobId });
      if (get().packageJob?.jobId === job.jobId) set({ packageJob: { ...job, status } });
    } catch (e) {
      set({ packageError: errorMessage(e) });
    }
  },

  savePackageAs: async () => {
    const job = get().packageJob;
    if (!job) return null;
    const result = await call('exportJobSave', { jobId: job.jobId });
    return result.saved ? (result.path ?? null) : null;
  },

  verifyUpload: async (fileName, base64) => {
    set({ verifying: true, verifyError: null, verifyResult: null, verifyFileName: fileName });
    try {
      const verifyResult = await call('exportVerify', { fileName, base64 });
      set({ verifyResult });
    } catch (e) {
      set({ verifyError: errorMessage(e) });
    } finally {
      set({ verifying: false });
    }
  },

  clearVerify: () => set({ verifyResult: null, verifyError: null, verifyFileName: null }),
});
