// The evidence file store kit: what modules use (ARCHITECTURE.md, "Where things go").
export type { AttachmentOwner } from './owners.js';
export {
  receiveEvidence,
  storeUpload,
  stageUpload,
  attachStaged,
  attachStagedMany,
  attachFile,
  releaseStaged,
  DOCUMENT_TYPES,
  EVIDENCE_TYPES,
} from './upload.js';
export type { AttachmentLink, FileRow, StagedUpload } from './upload.js';
export { presentFile, filesOf } from './presenter.js';
export { DiskFileStore, temporaryFileStore, type FileStore } from './store.js';
