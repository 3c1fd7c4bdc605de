import type { Jurisdiction, OrgUnit, Person } from '../../../contracts/org.js';

export function presentJurisdiction(r: any): Jurisdiction {
  return {
    id: r.id,
    parentId: r.parentId ?? null,
    level: r.level,
    levelLabel: r.levelLabel,
    name: r.name,
    code: r.code ?? null,
    path: r.path,
    depth: r.depth,
    childCount: Number(r.childCount ?? 0),
    version: r.version,
  };
}

export function presentOrgUnit(r: any): OrgUnit {
  return {
    id: r.id,
    parentId: r.parentId ?? null,
    jurisdictionId: r.jurisdictionId,
    jurisdictionName: r.jurisdictionName ?? '',
    kind: r.kind,
    name: r.name,
    shortName: r.shortName ?? null,
    phone: r.phone ?? null,
    address: r.address ?? null,
    active: r.active,
    peopleCount: Number(r.peopleCount ?? 0),
    version: r.version,
  };
}

/** Never leaves the server with the password hash or lock counters. */
export function presentPerson(r: any): Person {
  return {
    id: r.id,
    username: r.username,
    displayName: r.displayName,
    role: r.role,
    dataScope: r.dataScope,
    orgUnitId: r.orgUnitId,
    orgUnitName: r.orgUnitName ?? '',
    jurisdictionId: r.jurisdictionId,
    jurisdictionName: r.jurisdictionName ?? '',
    title: r.title ?? null,
    phone: r.phone ?? null,
    badgeNo: r.badgeNo ?? null,
    email: r.email ?? null,
    active: r.active,
    locked: !!r.lockedUntil && new Date(r.lockedUntil) > new Date(),
    lastLoginAt: r.lastLoginAt ? new Date(r.lastLoginAt).toISOString() : null,
    version: r.version,
  };
}
