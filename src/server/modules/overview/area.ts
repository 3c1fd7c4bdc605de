import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import type { Actor } from '../../core/context.js';
import { forbidden, notFound } from '../../core/errors.js';
import { rows } from '../../core/sql.js';

export interface AreaUnit {
  jurisdictionId: number;
  name: string;
  path: string;
}

/**
 * The caller's area and the units it is broken down into: the jurisdictions directly below the
 * caller's (cities under a province, counties under a city, stations under a county); a station's
 * people (or anyone below) see their own jurisdiction as the one unit.
 */
export async function areaOf(db: DbOrTx, actor: Actor): Promise<{ area: AreaUnit; units: AreaUnit[] }> {
  if (actor.scope === 'own') throw forbidden('工作概览按辖区统计，本人记录范围的账号不能查看');
  const [area] = await rows<{ id: number; name: string; path: string }>(
    db,
    sql`select id, name, path from jurisdictions where id = ${actor.jurisdictionId}`,
  );
  if (!area) throw notFound('辖区');
  const children = await rows<{ id: number; name: string; path: string }>(
    db,
    sql`select id, name, path from jurisdictions where parent_id = ${area.id} and level in ('city', 'county', 'station') order by sort_order, id`,
  );
  const own: AreaUnit = { jurisdictionId: Number(area.id), name: area.name, path: area.path };
  const units = children.length ? children.map((c) => ({ jurisdictionId: Number(c.id), name: c.name, path: c.path })) : [own];
  return { area: own, units };
}

/**
 * Sum per-jurisdiction values (a measure's map, keyed by the record's station) into the units whose
 * subtree holds each jurisdiction; values outside every unit are dropped.
 */
export async function sumToUnits(db: DbOrTx, units: { jurisdictionId: number; path: string }[], values: Map<number, number>) {
  const out = new Map<number, number>(units.map((u) => [u.jurisdictionId, 0]));
  const owner = await unitOfEach(db, units, [...values.keys()]);
  for (const [id, v] of values) {
    const u = owner.get(id);
    if (u !== undefined) out.set(u, (out.get(u) ?? 0) + v);
  }
  return out;
}

/** Jurisdiction id → the unit (jurisdiction id) whose subtree holds it. */
export async function unitOfEach(db: DbOrTx, units: { jurisdictionId: number; path: string }[], ids: number[]) {
  const out = new Map<number, number>();
  if (!ids.length) return out;
  const list = await rows<{ id: number; path: string }>(
    db,
    sql`select id, path from jurisdictions where id = any(${`{${ids.map(Number).join(',')}}`}::int[])`,
  );
  for (const j of list) {
    const u = units.find((x) => j.path.startsWith(x.path));
    if (u) out.set(Number(j.id), u.jurisdictionId);
  }
  return out;
}
