import { sql } from 'drizzle-orm';
import { ADR_SETTINGS_SOURCES, MEDICAL_ENTITY_KINDS, type AdrTargets } from '../../../../contracts/adr.js';
import type { Ctx } from '../../../core/context.js';
import { inSubtree, scopeWhere } from '../../../core/scope.js';
import { rows } from '../../../core/sql.js';
import { settingsFor, textArray } from '../queries.js';

/**
 * The year's targets per county (seed 001): drug ADR reports per million population against the
 * target (600), the share of them from medical institutions (80%), reports per institution and the
 * registered medical institutions that reported nothing. Counted by report date (报告日期) in the
 * year, over the reports the caller may see; population = the county's figure for the year, else its
 * latest earlier one.
 */
export async function getTargets(ctx: Ctx, year: number): Promise<AdrTargets> {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const counties = await rows<{ id: number; name: string; path: string }>(
    ctx.db,
    sql`select id, name, path from jurisdictions where level = 'county'
        and (${scopeWhere(ctx.actor, { jurisdiction: sql`id` })} or ${ctx.actor.jurisdictionPath} like path || '%') order by path`,
  );
  const seen = scopeWhere(ctx.actor, { jurisdiction: sql`r.jurisdiction_id` });
  const out: AdrTargets['rows'] = [];
  for (const c of counties) {
    const s = await settingsFor(ctx.db, c.id);
    const [pop] = await rows<{ population: number; demo: boolean }>(
      ctx.db,
      sql`select population, demo from adr_population where jurisdiction_id = ${c.id} and year <= ${year} order by year desc limit 1`,
    );
    const [n] = await rows<{ total: number; drug: number; device: number; serious: number; late: number; medical: number }>(
      ctx.db,
      sql`select count(*)::int as total, count(*) filter (where kind = 'drug')::int as drug, count(*) filter (where kind = 'device')::int as device,
            count(*) filter (where seriousness = 'serious')::int as serious, count(*) filter (where late)::int as late,
            count(*) filter (where kind = 'drug' and reporter_kind = 'medical')::int as medical
          from adr_reports r where r.county_id = ${c.id} and r.reported_on between ${from}::date and ${to}::date and ${seen}`,
    );
    const institutions = await rows<{ entity_id: number | null; name: string; n: number }>(
      ctx.db,
      sql`select r.entity_id, min(r.reporter_name) as name, count(*)::int as n from adr_reports r
          where r.county_id = ${c.id} and r.reporter_kind = 'medical' and r.reported_on between ${from}::date and ${to}::date and ${seen}
          group by r.entity_id, case when r.entity_id is null then r.reporter_name end order by n desc, name limit 100`,
    );
    const silent = await rows<{ id: number; name: string; jurisdiction_name: string }>(
      ctx.db,
      sql`select e.id, e.name, j.name as jurisdiction_name from entities e join jurisdictions j on j.id = e.jurisdiction_id
          where ${inSubtree(sql`e.jurisdiction_id`, c.path)} and ${scopeWhere(ctx.actor, { jurisdiction: sql`e.jurisdiction_id` })}
            and e.kind = any(${textArray([...MEDICAL_ENTITY_KINDS])}) and e.status = 'operating'
            and not exists (select 1 from adr_reports r where r.entity_id = e.id and r.reported_on between ${from}::date and ${to}::date)
          order by j.path, e.name limit 200`,
    );
    const population = pop?.population ?? null;
    out.push({
      countyId: c.id,
      countyName: c.name,
      year,
      population,
      populationDemo: pop?.demo ?? false,
      reports: n.total,
      drugReports: n.drug,
      deviceReports: n.device,
      seriousReports: n.serious,
      lateReports: n.late,
      perMillion: population ? Math.round((n.drug / population) * 1e6 * 10) / 10 : null,
      targetPerMillion: s.targetPerMillion,
      shortfall: population ? Math.max(0, Math.ceil((s.targetPerMillion * population) / 1e6) - n.drug) : null,
      medicalReports: n.medical,
      medicalSharePct: n.drug ? Math.round((n.medical / n.drug) * 1000) / 10 : null,
      targetMedicalSharePct: s.medicalSharePct,
      institutions: institutions.map((i) => ({ entityId: i.entity_id, name: i.name, reports: i.n })),
      silentInstitutions: silent.map((e) => ({ entityId: e.id, name: e.name, jurisdictionName: e.jurisdiction_name })),
    });
  }
  return {
    year,
    sources: { targetPerMillion: ADR_SETTINGS_SOURCES.targetPerMillion, medicalSharePct: ADR_SETTINGS_SOURCES.medicalSharePct },
    rows: out,
  };
}
