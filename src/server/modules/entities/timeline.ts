import { and, desc, eq } from 'drizzle-orm';
import { LICENCE_KINDS, type LicenceKind, type TimelineItem } from '../../../contracts/entities.js';
import type { DbOrTx } from '../../../db/client.js';
import { auditLog, entityLicences } from '../../../db/schema/index.js';
import type { Actor } from '../../core/context.js';
import type { EntityRow } from './queries.js';

/**
 * Everything about one unit, as a list of sources. Later features (inspections, findings, risks,
 * cases, complaints) add a source with `registerTimelineSource` from their own module; the entity
 * file shows all of them merged by time.
 */
export interface TimelineSource {
  key: string;
  label: string;
  load(db: DbOrTx, entity: EntityRow, actor: Actor): Promise<TimelineItem[]>;
}

const ACTIONS: Record<string, string> = {
  'entity.create': '登记',
  'entity.update': '修改信息',
  'entity.import_create': '导入登记',
  'entity.import_update': '导入更新',
};

const auditSource: TimelineSource = {
  key: 'audit',
  label: '登记与变更',
  async load(db, entity) {
    const rows = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'entity'), eq(auditLog.entityId, String(entity.id))))
      .orderBy(desc(auditLog.id))
      .limit(200);
    return rows.map((r) => ({
      at: r.at.toISOString(),
      source: 'audit',
      title: ACTIONS[r.action] ?? r.action,
      detail: r.summary,
      actor: r.actorName,
      link: null,
    }));
  },
};

const licenceSource: TimelineSource = {
  key: 'licence',
  label: '许可证',
  async load(db, entity) {
    const rows = await db.select().from(entityLicences).where(eq(entityLicences.entityId, entity.id));
    const items: TimelineItem[] = [];
    for (const l of rows) {
      const label = LICENCE_KINDS[l.kind as LicenceKind] ?? l.kind;
      if (l.validFrom) items.push({ at: new Date(l.validFrom).toISOString(), source: 'licence', title: `${label}生效`, detail: l.number, actor: null, link: null });
      if (l.validTo) items.push({ at: new Date(l.validTo).toISOString(), source: 'licence', title: `${label}到期`, detail: l.number, actor: null, link: null });
    }
    return items;
  },
};

const sources: TimelineSource[] = [auditSource, licenceSource];

export function registerTimelineSource(source: TimelineSource) {
  if (sources.some((s) => s.key === source.key)) return;
  sources.push(source);
}

export function timelineSources(): readonly TimelineSource[] {
  return sources;
}
