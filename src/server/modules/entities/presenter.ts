import { ENTITY_KIND_LABELS, type EntityKind } from '../../../contracts/entity-kinds.js';
import {
  LICENCE_KINDS,
  licenceState,
  type EntityDetail,
  type EntitySummary,
  type Licence,
  type LicenceKind,
} from '../../../contracts/entities.js';
import type { entityLicences } from '../../../db/schema/index.js';
import type { EntityRow } from './queries.js';
import { isoTimestamp } from '../../../contracts/calendar.js';

export function presentEntitySummary(r: EntityRow): EntitySummary {
  return {
    id: r.id,
    name: r.name,
    creditCode: r.creditCode,
    kind: r.kind as EntityKind,
    kindLabel: ENTITY_KIND_LABELS[r.kind as EntityKind] ?? r.kind,
    jurisdictionId: r.jurisdictionId,
    stationName: r.stationName,
    townshipId: r.townshipId,
    townshipName: r.townshipName,
    villageId: r.villageId,
    villageName: r.villageName,
    address: r.address,
    personInCharge: r.personInCharge,
    phone: r.phone,
    tags: r.tags ?? [],
    products: r.products ?? [],
    medicalGrade: r.medicalGrade as EntitySummary['medicalGrade'],
    deviceLevel: r.deviceLevel as EntitySummary['deviceLevel'],
    familyPlanning: r.familyPlanning,
    riskLevel: r.riskLevel as EntitySummary['riskLevel'],
    creditGrade: r.creditGrade as EntitySummary['creditGrade'],
    status: r.status as EntitySummary['status'],
    licenceValidTo: r.licenceValidTo,
    licenceState: r.licenceValidTo ? licenceState(r.licenceValidTo) : null,
    updatedAt: isoTimestamp(r.updatedAt),
    version: r.version,
  };
}

export function presentLicence(l: typeof entityLicences.$inferSelect): Licence {
  return {
    id: l.id,
    kind: l.kind as LicenceKind,
    kindLabel: LICENCE_KINDS[l.kind as LicenceKind] ?? l.kind,
    number: l.number,
    scope: l.scope,
    validFrom: l.validFrom,
    validTo: l.validTo,
    state: licenceState(l.validTo),
  };
}

export function presentEntityDetail(r: EntityRow, licences: (typeof entityLicences.$inferSelect)[]): EntityDetail {
  return {
    ...presentEntitySummary(r),
    legalRepresentative: r.legalRepresentative,
    qualityManager: r.qualityManager,
    lat: r.lat,
    lng: r.lng,
    licences: licences.map(presentLicence),
    createdAt: isoTimestamp(r.createdAt),
  };
}
