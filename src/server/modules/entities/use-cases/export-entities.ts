import { PRODUCTS, type ProductCode } from '../../../../contracts/products.js';
import { asc, eq, sql } from 'drizzle-orm';
import {
  CREDIT_GRADES,
  DEVICE_LEVELS,
  ENTITY_KIND_LABELS,
  ENTITY_STATUSES,
  ENTITY_TAGS,
  MEDICAL_GRADES,
  RISK_LEVELS,
  type EntityKind,
  type EntityTag,
} from '../../../../contracts/entity-kinds.js';
import { LICENCE_KINDS, type EntityFilters, type EntitySort, type LicenceKind } from '../../../../contracts/entities.js';
import { entityLicences, orgUnits } from '../../../../db/schema/index.js';
import type { Ctx } from '../../../core/context.js';
import { invalid } from '../../../core/errors.js';
import { entityWorkbook } from '../entity-sheet.js';
import { selectEntities } from '../queries.js';
import { entityWhere, orderBy } from './list-entities.js';

export const EXPORT_LIMIT = 50_000;

/** The filtered list as an Excel file in the import layout (one licence per row: the earliest to expire). */
export async function exportEntities(ctx: Ctx, q: EntityFilters & { sort: EntitySort }) {
  const where = await entityWhere(ctx, q);
  const rows = await selectEntities(ctx.db)
    .where(where)
    .orderBy(...orderBy(q.sort))
    .limit(EXPORT_LIMIT + 1);
  if (rows.length > EXPORT_LIMIT) throw invalid(`导出结果超过 ${EXPORT_LIMIT} 条，请缩小筛选范围`);
  const ids = rows.map((r) => r.id);
  const licences = new Map<number, typeof entityLicences.$inferSelect>();
  for (let i = 0; i < ids.length; i += 10000) {
    const part = await ctx.db
      .select()
      .from(entityLicences)
      .where(sql`${entityLicences.entityId} = any(${sql.raw(`'{${ids.slice(i, i + 10000).join(',')}}'`)}::int[])`)
      .orderBy(asc(entityLicences.validTo));
    for (const l of part) if (!licences.has(l.entityId)) licences.set(l.entityId, l);
  }
  const shorts = new Map(
    (await ctx.db.select({ j: orgUnits.jurisdictionId, s: orgUnits.shortName }).from(orgUnits).where(eq(orgUnits.kind, 'station'))).map(
      (o) => [o.j, o.s],
    ),
  );
  const data = rows.map((r) => {
    const l = licences.get(r.id);
    return {
      name: r.name,
      creditCode: r.creditCode ?? '',
      kind: ENTITY_KIND_LABELS[r.kind as EntityKind] ?? r.kind,
      licenceKind: l ? (LICENCE_KINDS[l.kind as LicenceKind] ?? l.kind) : '',
      licenceNumber: l?.number ?? '',
      licenceValidTo: l?.validTo ?? '',
      licenceScope: l?.scope ?? '',
      station: shorts.get(r.jurisdictionId) ?? r.stationName,
      township: r.townshipName ?? '',
      village: r.villageName ?? '',
      address: r.address ?? '',
      legalRepresentative: r.legalRepresentative ?? '',
      personInCharge: r.personInCharge ?? '',
      qualityManager: r.qualityManager ?? '',
      phone: r.phone ?? '',
      riskLevel: RISK_LEVELS[r.riskLevel as keyof typeof RISK_LEVELS] ?? '',
      creditGrade: r.creditGrade && r.creditGrade in CREDIT_GRADES ? r.creditGrade : '',
      medicalGrade: r.medicalGrade ? MEDICAL_GRADES[r.medicalGrade as keyof typeof MEDICAL_GRADES] : '',
      deviceLevel: r.deviceLevel ? DEVICE_LEVELS[r.deviceLevel as keyof typeof DEVICE_LEVELS] : '',
      familyPlanning: r.kind === 'device_dealer' ? (r.familyPlanning ? '是' : '否') : '',
      status: ENTITY_STATUSES[r.status as keyof typeof ENTITY_STATUSES] ?? '',
      tags: (r.tags ?? []).map((t) => ENTITY_TAGS[t as EntityTag] ?? t).join('、'),
      products: (r.products ?? []).map((t) => PRODUCTS[t as ProductCode] ?? t).join('、'),
    };
  });
  return entityWorkbook(data, 0);
}
