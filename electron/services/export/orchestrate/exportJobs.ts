import { randomUUID } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import type { ExportJobStatus } from '../../../../shared/ipc/domains/export.contract';
import { AppError, isAppError } from '../../../../shared/ipc/errors';
import { ExportCancelled } from './types';

interface Job {
  status: ExportJobStatus;
  kind: JobKind;
  controller: AbortController;
  /** The finished file on disk, set when state is done. */
  path?: string;
  done: Promise<void>;
}

export interface FinishedExport {
  path: string;
  fileName: string;
  size: number;
  mediaType: string;
  /** 「申报包」, 「Word 文档」 or 「PDF 文档」, for messages. */
  label: string;
}

/** What a job makes: its file's media type, and its name in messages (「申报包」, 「Word 文档」). */
export interface JobKind {
  mediaType: string;
  label: string;
}

const PACKAGE_JOB: JobKind = { mediaType: 'application/zip', label: '申报包' };

export type JobRun = (jobId: string, signal: AbortSignal, report: (step: string, progress: number) => void) => Promise<{ path: string; size: number }>;

/**
 * Long exports (the package, a Word or PDF document) run in the background; the renderer polls their status. A job's state only moves
 * forward (running → done | failed | cancelled) and its file exists only once it is done.
 */
export function createExportJobs() {
  const jobs = new Map<string, Job>();

  const jobOf = (jobId: string): Job => {
    const job = jobs.get(jobId);
    if (!job) throw new AppError('not_found', '找不到该导出任务，它可能已过期（重启后需重新导出）');
    return job;
  };

  function start(fileName: string, run: JobRun, kind: JobKind = PACKAGE_JOB): { jobId: string } {
    const jobId = randomUUID();
    const controller = new AbortController();
    const job: Job = { status: { state: 'running', step: '正在准备', progress: 0 }, kind, controller, done: Promise.resolve() };
    jobs.set(jobId, job);
    const report = (step: string, progress: number): void => {
      if (job.status.state !== 'running') return;
      job.status = { ...job.status, step, progress: Math.max(job.status.progress, Math.min(1, progress)) };
    };
    job.done = run(jobId, controller.signal, report).then(
      (result) => {
        if (controller.signal.aborted) {
          void fsp.unlink(result.path).catch(() => undefined);
          job.status = { state: 'cancelled', step: '已取消', progress: job.status.progress };
          return;
        }
        job.path = result.path;
        job.status = { state: 'done', step: '完成', progress: 1, fileName, size: result.size };
      },
      (e: unknown) => {
        if (controller.signal.aborted || e instanceof ExportCancelled) {
          job.status = { state: 'cancelled', step: '已取消', progress: job.status.progress };
        } else {
          job.status = { state: 'failed', step: job.status.step, progress: job.status.progress, error: messageOf(e, kind.label) };
        }
      },
    );
    return { jobId };
  }

  return {
    start,
    status: (jobId: string): ExportJobStatus => jobOf(jobId).status,
    /** Cancelling a finished job is a no-op that answers its final state. */
    async cancel(jobId: string): Promise<ExportJobStatus> {
      const job = jobOf(jobId);
      if (job.status.state === 'running') {
        job.controller.abort();
        await job.done;
      }
      return job.status;
    },
    finished(jobId: string): FinishedExport | undefined {
      const job = jobs.get(jobId);
      if (!job || job.status.state !== 'done' || !job.path) return undefined;
      return { path: job.path, fileName: job.status.fileName ?? path.basename(job.path), size: job.status.size ?? 0, mediaType: job.kind.mediaType, label: job.kind.label };
    },
    /** Waits for a job to settle (tests, CLI). */
    settled: (jobId: string): Promise<ExportJobStatus> => jobOf(jobId).done.then(() => jobOf(jobId).status),
    /** Cancels everything still running (app quit): no half-written package stays behind. */
    async cancelAll(): Promise<void> {
      const running = [...jobs.values()].filter((j) => j.status.state === 'running');
      for (const job of running) job.controller.abort();
      await Promise.all(running.map((j) => j.done));
    },
  };
}

export type ExportJobs = ReturnType<typeof createExportJobs>;

function messageOf(e: unknown, label: string): string {
  if (isAppError(e)) return e.message;
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOSPC') return `磁盘空间不足，${label}未生成`;
  if (code === 'EACCES' || code === 'EPERM') return `没有写入导出目录的权限，${label}未生成`;
  return `生成${label}时出错，未写入任何文件`;
}
