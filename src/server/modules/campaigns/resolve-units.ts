import { and, eq, like } from 'drizzle-orm';
import { QUOTA_SCOPES } from '../../../contracts/quota-rules.js';
import { UNIT_GROUPS, type CampaignDefinition, type DefinitionIssue } from '../../../contracts/campaigns.js';
import type { DbOrTx } from '../../../db/client.js';
import { jurisdictions, orgUnits } from '../../../db/schema/index.js';

export interface BureauUnit {
  id: number;
  name: string;
  shortName: string | null;
  kind: string;
  jurisdictionId: number;
  /** The unit's jurisdiction level (province, city, county, station, …). */
  level: string;
  depth: number;
}

/** Active org units of the bureau owning a campaign: everything in its jurisdiction subtree. */
export async function bureauUnits(db: DbOrTx, jurisdictionId: number): Promise<BureauUnit[]> {
  const [j] = await db.select().from(jurisdictions).where(eq(jurisdictions.id, jurisdictionId));
  if (!j) return [];
  const rows = await db
    .select({
      id: orgUnits.id,
      name: orgUnits.name,
      shortName: orgUnits.shortName,
      kind: orgUnits.kind,
      jurisdictionId: orgUnits.jurisdictionId,
      level: jurisdictions.level,
      depth: jurisdictions.depth,
      sortOrder: orgUnits.sortOrder,
    })
    .from(orgUnits)
    .innerJoin(jurisdictions, eq(jurisdictions.id, orgUnits.jurisdictionId))
    .where(and(like(jurisdictions.path, `${j.path}%`), eq(orgUnits.active, true)))
    .orderBy(jurisdictions.depth, orgUnits.sortOrder, orgUnits.id);
  return rows.map(({ sortOrder: _, ...r }) => ({ ...r, depth: r.depth - j.depth }));
}

/** The bureau of each city / county below the owner: the level's bureau (城市 upper or bureau unit). */
const LEVEL_BUREAUS: Record<string, string> = {
  '各市（州）局': 'city',
  '各市(州)局': 'city',
  '各县（市、区）局': 'county',
  '各县(市、区)局': 'county',
};
const isBureau = (u: BureauUnit) => u.kind === 'bureau' || u.kind === 'upper';

/** Is this reference a level of the tree (各市（州）局 / 各县（市、区）局 / 各市场监管所 / 各执法中队)? */
export const isLevelRef = (ref: string) => ref.trim() in LEVEL_BUREAUS || ref.trim() === '各市场监管所' || ref.trim() === '各执法中队';

/**
 * Resolve one unit reference to the bureau's units: a group (各市场监管所 / 各执法中队 / 各股室),
 * a level below the bureau (各市（州）局 / 各县（市、区）局: the bureau of each such jurisdiction),
 * 本局 (the owning bureau), or a unit's full or short name. Empty when unknown.
 */
export function resolveRef(ref: string, units: BureauUnit[]): BureauUnit[] {
  const r = ref.trim();
  if (r in UNIT_GROUPS) return units.filter((u) => u.kind === UNIT_GROUPS[r as keyof typeof UNIT_GROUPS]);
  if (r in LEVEL_BUREAUS) return units.filter((u) => isBureau(u) && u.depth > 0 && u.level === LEVEL_BUREAUS[r]);
  if (r === '本局') return units.filter((u) => u.depth === 0 && (u.kind === 'bureau' || u.kind === 'upper'));
  return units.filter((u) => u.name === r || u.shortName === r);
}

/** Every unit reference of a definition with its path. */
export function unitRefs(d: CampaignDefinition): { path: string; ref: string; station?: boolean }[] {
  const out: { path: string; ref: string; station?: boolean }[] = [];
  const add = (path: string, ref: string | undefined) => ref && out.push({ path, ref });
  const org = d.organisation;
  const lg = org.leadingGroup;
  add('organisation.leadingGroup.leader.unit', lg?.leader.unit);
  lg?.deputies.forEach((p, i) => add(`organisation.leadingGroup.deputies.${i}.unit`, p.unit));
  lg?.members.forEach((p, i) => add(`organisation.leadingGroup.members.${i}.unit`, p.unit));
  lg?.memberUnits.forEach((u, i) => add(`organisation.leadingGroup.memberUnits.${i}`, u));
  add('organisation.office.unit', org.office.unit);
  add('organisation.office.director.unit', org.office.director?.unit);
  org.workingGroups.forEach((g, i) => {
    g.units.forEach((u, k) => add(`organisation.workingGroups.${i}.units.${k}`, u));
    add(`organisation.workingGroups.${i}.leader.unit`, g.leader?.unit);
    add(`organisation.workingGroups.${i}.liaison.unit`, g.liaison?.unit);
  });
  d.obligations.forEach((o, i) => {
    o.submitters.forEach((u, k) => add(`obligations.${i}.submitters.${k}`, u));
    add(`obligations.${i}.recipient`, o.recipient);
  });
  d.tasks.forEach((t, i) => t.units.forEach((u, k) => add(`tasks.${i}.units.${k}`, u)));
  d.liaisons?.units.forEach((u, i) => add(`liaisons.units.${i}`, u));
  add('liaisons.recipient', d.liaisons?.recipient);
  const walk = (rules: CampaignDefinition['quotas'], path: string) =>
    rules.forEach((r, i) => {
      if (r.target.type === 'count')
        for (const s of Object.keys(r.target.byStation ?? {}))
          out.push({ path: `${path}.${i}.target.byStation.${s}`, ref: s, station: true });
      if (r.children) walk(r.children, `${path}.${i}.children`);
    });
  walk(d.quotas, 'quotas');
  return out;
}

/** Issues for every reference that names no unit of the bureau. */
export function checkUnitRefs(d: CampaignDefinition, units: BureauUnit[]): DefinitionIssue[] {
  const issues: DefinitionIssue[] = [];
  for (const { path, ref, station } of unitRefs(d)) {
    const found = resolveRef(ref, units);
    if (found.length === 0 && isLevelRef(ref))
      issues.push({ path, message: `本局辖区内没有“${ref.trim()}”这一级（请改为本局的机构或辖区内有的层级）` });
    else if (found.length === 0)
      issues.push({
        path,
        message: `“${ref}”不是本局的机构（请填写本局的股室、所、执法大队/中队，或 各市场监管所/各执法中队/各股室/本局）`,
      });
    else if (station && !found.every((u) => u.kind === 'station')) issues.push({ path, message: `“${ref}”不是本局的市场监管所` });
  }
  // A quota counted per county or per city needs a campaign issued at that level or above.
  const owner = units.find((u) => u.depth === 0 && isBureau(u));
  const rank = (level: string) => SCOPE_RANK[level] ?? 0;
  const walk = (rules: CampaignDefinition['quotas'], path: string) =>
    rules.forEach((r, i) => {
      if (owner && (r.per === 'county' || r.per === 'city') && rank(r.per) > rank(owner.level))
        issues.push({
          path: `${path}.${i}.per`,
          message: `统计范围“${QUOTA_SCOPES[r.per]}”高于发文单位的层级（本局为${LEVEL_LABELS[owner.level] ?? owner.level}级）`,
        });
      if (r.children) walk(r.children, `${path}.${i}.children`);
    });
  walk(d.quotas, 'quotas');
  return issues;
}

const SCOPE_RANK: Record<string, number> = { station: 1, county: 2, city: 3, province: 4 };
const LEVEL_LABELS: Record<string, string> = { province: '省', city: '市', county: '县', station: '所' };
