import { createReadStream } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import type { FinishedExport } from '../services/export/orchestrate/exportJobs';

export const DOWNLOAD_PREFIX = '/download/';

export interface FinishedExports {
  finished(jobId: string): FinishedExport | undefined;
}

const JOB_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** RFC 6266 / 5987: an ASCII fallback plus the exact UTF-8 name, so 「项目-申报包.zip」 arrives intact. */
export function contentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

function plain(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text);
}

/**
 * Streams a finished package or document (browser mode; the token cookie was checked by the router). Only a job
 * id is accepted, never a path: the file is whatever the job registry says it wrote.
 */
export async function handleDownload(req: IncomingMessage, res: ServerResponse, jobId: string, exports: FinishedExports | undefined): Promise<void> {
  if (req.method !== 'GET') {
    res.setHeader('Allow', 'GET');
    return plain(res, 405, '下载地址不接受这种请求方式');
  }
  const done = JOB_ID.test(jobId) ? exports?.finished(jobId) : undefined;
  if (!done) return plain(res, 404, '找不到该文件，它可能已过期，请重新导出');
  res.writeHead(200, {
    'Content-Type': done.mediaType,
    'Content-Length': String(done.size),
    'Content-Disposition': contentDisposition(done.fileName),
    'Cache-Control': 'no-store',
  });
  await pipeline(createReadStream(done.path), res);
}
