import dayjs from 'dayjs';
import { type Inspection, type InspectionKind } from '../../../../contracts/inspections.js';
import type { EntityDetail } from '../../../../contracts/entities.js';
import type { MyTask } from '../../../../contracts/plans.js';
import { api } from '../../../lib/api.js';
import { inspectionsApi } from '../api.js';
import { drafts, type FieldDraft } from '../drafts.js';

const today = () => dayjs().format('YYYY-MM-DD');

/** Build a new draft for a plan task, a unit, or a 复查 of an inspection (needs the network once). */
async function newDraft(p: { taskId?: number; entityId?: number; recheckOf?: number }): Promise<FieldDraft> {
  let entityId: number;
  let entityName: string;
  let planTaskId: number | undefined;
  let campaignId: number | undefined;
  let pool: { id: number; name: string }[] = [];
  let inspectorIds: number[] = [];
  let kind: InspectionKind = 'special';
  let openRectifications: FieldDraft['openRectifications'] = [];
  let stationId: number;
  if (p.taskId) {
    const mine = await api<{ items: MyTask[] }>('/api/my-tasks');
    const t = mine.items.find((x) => x.id === p.taskId);
    if (!t) throw new Error('未找到该检查任务（可能已完成或已改派）');
    ({ entityId, entityName } = t);
    planTaskId = t.id;
    kind = 'plan';
    inspectorIds = t.inspectors.map((i) => i.id);
    pool = t.inspectors;
    stationId = t.stationId;
    campaignId = await api<{ campaignId: number }>(`/api/plans/${t.planId}`)
      .then((x) => x.campaignId)
      .catch(() => undefined);
  } else {
    let orig: Inspection | undefined;
    if (p.recheckOf) {
      orig = await inspectionsApi.get(p.recheckOf);
      openRectifications = orig.rectifications.filter((r) => r.status !== 'closed').map((r) => ({ id: r.id, deadline: r.deadline }));
      kind = 'recheck';
      campaignId = orig.campaignId ?? undefined;
      inspectorIds = orig.inspectors.map((i) => i.id);
      pool = orig.inspectors;
    }
    const e = await api<EntityDetail>(`/api/entities/${orig?.entityId ?? p.entityId}`);
    entityId = e.id;
    entityName = e.name;
    stationId = e.jurisdictionId;
  }
  // The station's inspectors may stand in for those drawn (illness, recusal on site).
  const people = await api<{ items: { id: number; displayName: string; role: string; active?: boolean }[] }>(
    `/api/people?jurisdictionId=${stationId}&pageSize=200`,
  ).catch(() => ({ items: [] }));
  pool = [
    ...pool,
    ...people.items
      .filter((x) => (x.role === 'inspector' || x.role === 'station_head') && x.active !== false)
      .map((x) => ({ id: x.id, name: x.displayName })),
  ];
  const sheet = await inspectionsApi.checklist(entityId, campaignId).catch(() => undefined);
  return {
    clientId: crypto.randomUUID(),
    planTaskId,
    entityId,
    entityName,
    campaignId,
    recheckOf: p.recheckOf,
    openRectifications,
    pool: [...new Map(pool.map((x) => [x.id, x])).values()],
    sheet,
    values: {
      kind,
      date: today(),
      startedAt: dayjs().format('HH:mm'),
      inspectorIds,
      staffCount: inspectorIds.length || undefined,
      jointDepartments: [],
      answers: {},
      findings: {},
      measures: [],
      rectificationResults: {},
      inspectorSignatures: {},
    },
    photos: [],
    state: 'editing',
    updatedAt: Date.now(),
  };
}

/** Drafts being opened, by target: a second open of the same target (a re-render) waits for the first. */
const opening = new Map<string, Promise<FieldDraft>>();

/** The unsent draft of the same task / unit / 复查 if this phone has one, else a new one (saved at once). */
export function openDraft(p: { taskId?: number; entityId?: number; recheckOf?: number }, resumed: () => void): Promise<FieldDraft> {
  const k = JSON.stringify(p);
  let run = opening.get(k);
  if (!run) {
    run = (async () => {
      const mine = (await drafts.list()).find(
        (d) =>
          d.state === 'editing' &&
          (p.taskId
            ? d.planTaskId === p.taskId
            : !d.planTaskId && (p.recheckOf ? d.recheckOf === p.recheckOf : d.entityId === p.entityId && !d.recheckOf)),
      );
      if (mine) {
        resumed();
        return mine;
      }
      const d = await newDraft(p);
      await drafts.save(d);
      return d;
    })().finally(() => opening.delete(k));
    opening.set(k, run);
  }
  return run;
}
