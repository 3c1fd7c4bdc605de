import { del, entries, get, set } from 'idb-keyval';
import type {
  FindingSeverity,
  InspectionKind,
  MeasureInput,
  RecordInspectionInput,
  SignatureInput,
} from '../../../contracts/inspections.js';
import { ApiError } from '../../lib/api.js';
import { inspectionsApi, type ChecklistAnswerSheet } from './api.js';

/**
 * On-site drafts kept on the phone (IndexedDB): every change is saved as it is typed, photos as
 * Blobs, so closing the tab, reloading or losing the network loses nothing. A draft submitted
 * while offline waits in the same store as 待发送 and is sent when the network is back; its
 * `clientId` makes a retried submit return the first record instead of creating a second.
 */
export interface DraftFinding {
  severity: FindingSeverity;
  violationType?: string;
  legalBasis?: string;
  description: string;
}
export interface DraftPhoto {
  id: string;
  itemKey?: string;
  name: string;
  blob: Blob;
}
export interface DraftValues {
  kind: InspectionKind;
  date: string;
  startedAt?: string;
  endedAt?: string;
  inspectorIds: number[];
  staffCount?: number;
  jointDepartments: string[];
  note?: string;
  answers: Record<string, { result?: 'pass' | 'fail' | 'na'; note?: string }>;
  findings: Record<string, DraftFinding>;
  measures: MeasureInput[];
  rectificationResults: Record<number, { result: 'closed' | 'extended'; deadline?: string; note?: string }>;
  /** Inspector signatures drawn on this phone, by user id (another inspector's password is never stored: see `passwords`). */
  inspectorSignatures: Record<number, { image: string }>;
  unitSignature?: { name: string; title?: string; image?: string };
}
export type DraftState = 'editing' | 'queued' | 'uploading';
export interface FieldDraft {
  clientId: string;
  planTaskId?: number;
  entityId: number;
  entityName: string;
  campaignId?: number;
  recheckOf?: number;
  /** The open rectifications of the inspection being re-inspected. */
  openRectifications: { id: number; deadline: string }[];
  pool: { id: number; name: string }[];
  sheet?: ChecklistAnswerSheet;
  values: DraftValues;
  photos: DraftPhoto[];
  state: DraftState;
  /** Set once the record exists (photos may still be uploading). */
  inspectionId?: number;
  error?: string;
  updatedAt: number;
}

/**
 * Another inspector's password typed on this phone, kept in memory only (per draft, by user id):
 * never written to IndexedDB. After a reload it must be typed again, or that inspector signs in
 * their own account later.
 */
export const passwords = new Map<string, Record<number, string>>();

const PREFIX = 'inspection-draft:';
const SENT = 'inspection-sent:';
const key = (clientId: string) => PREFIX + clientId;

export const drafts = {
  get: (clientId: string) => get<FieldDraft>(key(clientId)),
  save: (d: FieldDraft) => set(key(d.clientId), { ...d, updatedAt: Date.now() }),
  remove: (clientId: string) => del(key(clientId)),
  /** The record a draft became (kept after the draft is gone, so its page can still find it). */
  sentAs: (clientId: string) => get<number>(SENT + clientId),
  async list(): Promise<FieldDraft[]> {
    const all = await entries<string, FieldDraft>();
    return all
      .filter(([k]) => typeof k === 'string' && k.startsWith(PREFIX))
      .map(([, v]) => v)
      .sort((a, b) => b.updatedAt - a.updatedAt);
  },
};

/** The request body of a draft, as the contract `recordInspectionInput` wants it. */
export function toInput(d: FieldDraft, me: number): RecordInspectionInput {
  const v = d.values;
  const answers = d.sheet
    ? d.sheet.checklist.sections
        .flatMap((s) => s.items)
        .filter((i) => v.answers[i.key]?.result)
        .map((i) => ({ itemKey: i.key, result: v.answers[i.key].result!, note: v.answers[i.key].note?.trim() || undefined }))
    : undefined;
  const findings = (answers ?? [])
    .filter((a) => a.result === 'fail')
    .map((a) => {
      const f = v.findings[a.itemKey];
      return {
        itemKey: a.itemKey,
        severity: f?.severity ?? 'general',
        violationType: f?.violationType || undefined,
        legalBasis: f?.legalBasis?.trim() || undefined,
        description: f?.description?.trim() ?? '',
      };
    });
  const signatures: SignatureInput[] = [
    ...Object.entries(v.inspectorSignatures)
      .filter(([id, s]) => v.inspectorIds.includes(Number(id)) && s.image && (Number(id) === me || passwords.get(d.clientId)?.[Number(id)]))
      .map(([id, s]) => ({
        signer: 'inspector' as const,
        userId: Number(id),
        image: s.image,
        password: Number(id) === me ? undefined : passwords.get(d.clientId)?.[Number(id)],
      })),
    ...(v.unitSignature?.image && v.unitSignature.name.trim()
      ? [
          {
            signer: 'unit' as const,
            name: v.unitSignature.name.trim(),
            title: v.unitSignature.title?.trim() || undefined,
            image: v.unitSignature.image,
          },
        ]
      : []),
  ];
  const rectificationResults = Object.entries(v.rectificationResults).map(([id, r]) => ({
    rectificationId: Number(id),
    result: r.result,
    deadline: r.result === 'extended' ? r.deadline : undefined,
    note: r.note?.trim() || undefined,
  }));
  return {
    ...(d.planTaskId ? { planTaskId: d.planTaskId } : { entityId: d.entityId }),
    clientId: d.clientId,
    kind: v.kind,
    campaignId: d.campaignId,
    date: v.date,
    startedAt: v.startedAt || undefined,
    endedAt: v.endedAt || undefined,
    inspectorIds: v.inspectorIds,
    staffCount: v.staffCount || undefined,
    jointDepartments: v.kind === 'joint' ? v.jointDepartments.map((x) => x.trim()).filter(Boolean) : undefined,
    note: v.note?.trim() || undefined,
    recheckOf: d.recheckOf,
    rectificationResults: d.recheckOf && rectificationResults.length ? rectificationResults : undefined,
    checklistKey: d.sheet?.checklist.key,
    answers,
    findings,
    measures: v.measures.map((m) => ({ ...m, note: m.note?.trim() || undefined })),
    signatures,
  };
}

/** A failure of the network (not an answer of the server): the draft waits and is sent later. */
export function isOffline(e: unknown) {
  return !(e instanceof ApiError) && (e instanceof TypeError || !navigator.onLine);
}

/**
 * Send one draft: create the record (same clientId on every try), then upload its photos one by
 * one (each removed from the draft once stored). Resolves to the inspection id when all is sent;
 * a network failure leaves the draft queued (待发送); an answer of the server is thrown.
 */
export async function sendDraft(clientId: string, me: number): Promise<number | null> {
  let d = await drafts.get(clientId);
  if (!d) return null;
  try {
    if (!d.inspectionId) {
      const rec = await inspectionsApi.record(toInput(d, me));
      d = { ...d, inspectionId: rec.id, state: 'uploading', error: undefined };
      await drafts.save(d);
      await set(SENT + clientId, rec.id);
      passwords.delete(clientId);
    }
    while (d.photos.length) {
      const p = d.photos[0];
      await inspectionsApi.upload(d.inspectionId!, p.blob, p.name, p.itemKey);
      d = { ...d, photos: d.photos.slice(1) };
      await drafts.save(d);
    }
    await drafts.remove(clientId);
    return d.inspectionId!;
  } catch (e) {
    if (isOffline(e)) {
      if (d.state === 'editing') await drafts.save({ ...d, state: 'queued' });
      return null;
    }
    // The server refused it: back to editing with the reason (a record already made keeps its photos queued).
    await drafts.save({ ...d, state: d.inspectionId ? 'uploading' : 'editing', error: (e as Error).message });
    throw e;
  }
}

let sending: Promise<number> | null = null;
/** Send every queued draft (at start and whenever the network comes back); returns how many were sent. */
export function flushOutbox(me: number): Promise<number> {
  sending ??= (async () => {
    let sent = 0;
    try {
      for (const d of await drafts.list()) {
        if (d.state === 'editing') continue;
        if (await sendDraft(d.clientId, me).catch(() => null)) sent++;
      }
    } finally {
      sending = null;
    }
    return sent;
  })();
  return sending;
}
