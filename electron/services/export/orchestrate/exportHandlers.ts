import type { Handlers } from '../../../../shared/ipc/contract';
import type { ExportService } from './exportService';

/** The export methods of the contract. Payloads arrive validated by dispatch(). */
export function createExportHandlers(service: ExportService) {
  return {
    exportDocx: (input) => service.document(input.id, 'docx'),
    exportPdf: (input) => service.document(input.id, 'pdf'),
    exportBlockers: (input) => service.readiness(input.id),
    exportDocumentStart: (input) => service.startDocument(input.id, input.kind),
    exportPackageStart: (input) => service.startPackage(input.id),
    exportJobStatus: (input) => service.status(input.jobId),
    exportJobCancel: (input) => service.cancel(input.jobId),
    exportJobSave: (input) => service.save(input.jobId),
    exportDocumentSave: (input) => service.saveDocument(input.id, input.kind),
    exportShowInFolder: (input) => service.showInFolder(input.path),
    exportVerify: (input) => service.verify(input.fileName, Buffer.from(input.base64, 'base64')),
  } satisfies Partial<Handlers>;
}
