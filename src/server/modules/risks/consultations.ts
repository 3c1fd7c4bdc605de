import { sql, type SQL } from 'drizzle-orm';
import type {
  ConsultationInput,
  ConsultationKind,
  ConsultationLevel,
  ConsultationView,
  ListConsultationsQuery,
} from '../../../contracts/risks.js';
import { can } from '../../../contracts/permissions.js';
import type { DbOrTx, Tx } from '../../../db/client.js';
import { consultationItemLinks, consultationItems } from '../../../db/schema/index.js';
import type { Ctx } from '../../core/context.js';
import { AppError, notFound } from '../../core/errors.js';
import { pointOf } from '../../core/extensions.js';
import { rows } from '../../core/sql.js';
import { areaOf, assertFollowUp, inList } from './queries.js';

export type ItemInput = ConsultationInput['items'][number];
export interface CheckedLink {
  type: string;
  id: number;
  jurisdictionId: number;
}

/**
 * Check every item's links before the transaction (the `consultationLinks` point reads with ctx.db):
 * an unknown type, a record the caller may not see, or one outside the meeting's line of jurisdictions
 * (another bureau's) → 400 LINK_NOT_FOUND, nothing stored.
 */
export async function checkLinks(ctx: Ctx, holderPath: string, items: ItemInput[]): Promise<CheckedLink[][]> {
  const points = pointOf(ctx.ext, 'consultationLinks');
  const out: CheckedLink[][] = [];
  for (const item of items) {
    const checked: CheckedLink[] = [];
    for (const l of item.links ?? []) {
      if (checked.some((c) => c.type === l.type && c.id === l.id)) continue;
      const point = points.find((p) => p.type === l.type);
      const seen = point ? await point.visible(ctx, l.id) : null;
      const [j] = seen ? await rows<{ path: string }>(ctx.db, sql`select path from jurisdictions where id = ${seen.jurisdictionId}`) : [];
      const related = !!j && (j.path.startsWith(holderPath) || holderPath.startsWith(j.path));
      if (!point || !seen || !related)
        throw new AppError('LINK_NOT_FOUND', `会商事项关联的${point?.label ?? '记录'}不存在或不在本辖区内`, 400, [
          { path: 'items', message: '关联记录不存在或不在本辖区内' },
        ]);
      checked.push({ type: l.type, id: l.id, jurisdictionId: seen.jurisdictionId });
    }
    out.push(checked);
  }
  return out;
}

/** Write the items of a meeting (after removing the old ones on edit). */
export async function writeItems(
  tx: Tx,
  consultationId: number,
  jurisdictionId: number,
  holderPath: string,
  items: ItemInput[],
  links: CheckedLink[][],
) {
  for (const item of items) if (item.followUpUserId) await assertFollowUp(tx, holderPath, item.followUpUserId);
  for (const [i, item] of items.entries()) {
    const [row] = await tx
      .insert(consultationItems)
      .values({
        consultationId,
        jurisdictionId,
        seq: i + 1,
        topic: item.topic,
        decision: item.decision || null,
        followUpUserId: item.followUpUserId ?? null,
      })
      .returning({ id: consultationItems.id });
    if (links[i].length)
      await tx
        .insert(consultationItemLinks)
        .values(links[i].map((l) => ({ itemId: row.id, jurisdictionId: l.jurisdictionId, linkType: l.type, linkId: l.id })));
  }
}

export const LEVEL_OF_JURISDICTION: Record<string, ConsultationLevel> = { station: 'station', county: 'county', city: 'city' };

interface ConsultationRow {
  id: number;
  kind: ConsultationKind;
  level: ConsultationLevel;
  jurisdiction_id: number;
  jurisdiction_name: string;
  held_on: string;
  host: string;
  participants: string[] | null;
  note: string | null;
  version: number;
  items: { id: number; topic: string; decision: string | null; followUpId: number | null; followUpName: string | null }[] | null;
}

const COLUMNS = sql`c.id, c.kind, c.level, c.jurisdiction_id, j.name as jurisdiction_name, c.held_on::text as held_on, c.host, c.participants, c.note, c.version,
  (select json_agg(json_build_object('id', i.id, 'topic', i.topic, 'decision', i.decision, 'followUpId', i.follow_up_user_id, 'followUpName', u.display_name) order by i.seq)
     from consultation_items i left join users u on u.id = i.follow_up_user_id where i.consultation_id = c.id) as items`;

export async function selectConsultations(db: DbOrTx, where: SQL, tail = sql``) {
  return rows<ConsultationRow>(
    db,
    sql`select ${COLUMNS} from consultations c join jurisdictions j on j.id = c.jurisdiction_id where ${where} ${tail}`,
  );
}

/** Meetings with their items and each item's links named through the `consultationLinks` point (a link the caller may not see shows no title). */
export async function presentConsultations(ctx: Ctx, list: ConsultationRow[], db: DbOrTx = ctx.db): Promise<ConsultationView[]> {
  const itemIds = list.flatMap((c) => (c.items ?? []).map((i) => i.id));
  const links = itemIds.length
    ? await rows<{ item_id: number; link_type: string; link_id: number }>(
        db,
        sql`select item_id, link_type, link_id from consultation_item_links where item_id in ${inList(itemIds)} order by link_type, link_id`,
      )
    : [];
  const points = pointOf(ctx.ext, 'consultationLinks');
  // Titles: risks in one query here (the common case); other types through their point.
  const riskIds = [...new Set(links.filter((l) => l.link_type === 'risk').map((l) => l.link_id))];
  const riskTitles = new Map(
    riskIds.length
      ? (
          await rows<{ id: number; title: string }>(
            db,
            sql`select r.id, r.title from risks r where r.id in ${inList(riskIds)} and ${areaOf(ctx.actor, 'r')}`,
          )
        ).map((r) => [r.id, r.title])
      : [],
  );
  const titleOf = async (type: string, id: number) => {
    if (type === 'risk') return riskTitles.get(id) ?? '（无权查看）';
    const p = points.find((x) => x.type === type);
    return (p && db === ctx.db ? (await p.visible(ctx, id))?.title : null) ?? '（无权查看）';
  };
  const out: ConsultationView[] = [];
  for (const c of list) {
    const items = [];
    for (const i of c.items ?? []) {
      const mine = links.filter((l) => l.item_id === i.id);
      const named = [];
      for (const l of mine)
        named.push({
          type: l.link_type,
          id: l.link_id,
          label: points.find((p) => p.type === l.link_type)?.label ?? l.link_type,
          title: await titleOf(l.link_type, l.link_id),
        });
      items.push({
        id: i.id,
        topic: i.topic,
        decision: i.decision,
        followUp: i.followUpId ? { id: i.followUpId, name: i.followUpName ?? '' } : null,
        links: named,
      });
    }
    out.push({
      id: c.id,
      kind: c.kind,
      level: c.level,
      jurisdictionId: c.jurisdiction_id,
      jurisdictionName: c.jurisdiction_name,
      heldOn: c.held_on,
      host: c.host,
      participants: c.participants ?? [],
      note: c.note,
      items,
      editable: can(ctx.actor.role, 'risks.manage'),
      version: c.version,
    });
  }
  return out;
}

/** A meeting the actor may see, or 404. */
export async function visibleConsultation(ctx: Pick<Ctx, 'actor' | 'db'>, id: number, db: DbOrTx = ctx.db) {
  const [c] = await selectConsultations(db, sql`c.id = ${id} and ${areaOf(ctx.actor, 'c')}`);
  if (!c) throw notFound('会商记录');
  return c;
}

/** The meeting list's filters inside the caller's area. */
export function consultationFilter(ctx: Pick<Ctx, 'actor'>, q: Omit<ListConsultationsQuery, 'page' | 'pageSize'>): SQL {
  const conds: SQL[] = [areaOf(ctx.actor, 'c')];
  if (q.kind) conds.push(sql`c.kind = ${q.kind}`);
  if (q.from) conds.push(sql`c.held_on >= ${q.from}::date`);
  if (q.to) conds.push(sql`c.held_on <= ${q.to}::date`);
  return sql.join(conds, sql` and `);
}
