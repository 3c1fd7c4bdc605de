import { and, desc, eq } from 'drizzle-orm';
import { LICENCE_KINDS, type LicenceKind, type TimelineItem } from '../../../contracts/entities.js';
import { auditLog, entityLicences } from '../../../db/schema/index.js';
import type { TimelineSource } from '../../core/extensions.js';

/** The entity module's own timeline sources: registration changes and licences. */
const ACTIONS: Record<string, string> = {
  'entity.create': '登记',
  'entity.update': '修改信息',
  'entity.import_create': '导入登记',
  'entity.import_update': '导入更新',
};

export const auditTimelineSource: TimelineSource = {
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

export const licenceTimelineSource: TimelineSource = {
  key: 'licence',
  label: '许可证',
  async load(db, entity) {
    const rows = await db.select().from(entityLicences).where(eq(entityLicences.entityId, entity.id));
    const items: TimelineItem[] = [];
    for (const l of rows) {
      const label = LICENCE_KINDS[l.kind as LicenceKind] ?? l.kind;
      if (l.validFrom)
        items.push({
          at: new Date(l.validFrom).toISOString(),
          source: 'licence',
          title: `${label}生效`,
          detail: l.number,
          actor: null,
          link: null,
        });
      if (l.validTo)
        items.push({
          at: new Date(l.validTo).toISOString(),
          source: 'licence',
          title: `${label}到期`,
          detail: l.number,
          actor: null,
          link: null,
        });
    }
    return items;
  },
};
