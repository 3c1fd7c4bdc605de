import { sql } from 'drizzle-orm';
import { addDays, shanghaiToday } from '../../../contracts/calendar.js';
import { RISK_CHANNELS, SOURCE_TYPE, type RiskCategory, type RiskChannel, type RiskGrade } from '../../../contracts/risks.js';
import type { Tx } from '../../../db/client.js';
import { riskEntities, risks } from '../../../db/schema/index.js';
import { audit } from '../../core/audit.js';
import type { Ctx } from '../../core/context.js';
import { invalid } from '../../core/errors.js';
import { rows } from '../../core/sql.js';
import { assertEntities, assertOwner, holderJurisdiction } from './queries.js';

/** 推定: a risk opened by another module without a deadline gets 30 days to be controlled (no seed gives one). */
export const DEFAULT_CONTROL_DAYS = 30;

export interface NewRisk {
  /** The station or bureau whose register holds it (default the caller's jurisdiction). */
  jurisdictionId?: number;
  channel: RiskChannel;
  /** The record it came from in another module; one risk per source record. */
  source?: { type: string; id: number } | null;
  category: RiskCategory;
  productTags?: string[];
  title: string;
  description: string;
  level: RiskGrade;
  controlMeasure?: string | null;
  /** The person responsible; default the caller. */
  ownerId?: number;
  /** Default found + 30 days (推定). */
  deadline?: string;
  foundOn?: string;
  entityIds: number[];
}

/**
 * Register a risk inside the caller's transaction: area, owner, units and dates checked, the row,
 * its units and its audit row written. With a source already registered, returns that risk
 * (`created: false`) and writes nothing.
 */
export async function insertRisk(tx: Tx, ctx: Pick<Ctx, 'actor' | 'ip'>, input: NewRisk): Promise<{ id: number; created: boolean }> {
  const today = shanghaiToday();
  if (!(input.channel in RISK_CHANNELS)) throw invalid('发现渠道不正确', [{ path: 'channel', message: '发现渠道不正确' }]);
  if (input.source && (!SOURCE_TYPE.test(input.source.type) || !Number.isInteger(input.source.id) || input.source.id <= 0))
    throw invalid('来源记录不正确');
  if (input.source) {
    const [dup] = await rows<{ id: number }>(
      tx,
      sql`select id from risks where source_type = ${input.source.type} and source_id = ${input.source.id}`,
    );
    if (dup) return { id: dup.id, created: false };
  }
  const foundOn = input.foundOn ?? today;
  if (foundOn > today) throw invalid('发现日期不能晚于今天', [{ path: 'foundOn', message: '不能晚于今天' }]);
  const deadline = input.deadline ?? addDays(today, DEFAULT_CONTROL_DAYS);
  if (deadline < today) throw invalid('管控期限不能早于今天', [{ path: 'deadline', message: '不能早于今天' }]);
  const holder = await holderJurisdiction(tx, ctx.actor, input.jurisdictionId);
  const ownerId = input.ownerId ?? ctx.actor.id;
  await assertOwner(tx, holder.path, ownerId);
  const units = await assertEntities(tx, holder.path, input.entityIds);
  const [row] = await tx
    .insert(risks)
    .values({
      jurisdictionId: holder.id,
      channel: input.channel,
      sourceType: input.source?.type ?? null,
      sourceId: input.source?.id ?? null,
      category: input.category,
      productTags: [...new Set(input.productTags ?? [])],
      title: input.title,
      description: input.description,
      level: input.level,
      controlMeasure: input.controlMeasure || null,
      ownerId,
      deadline,
      foundOn,
      status: 'open',
      createdBy: ctx.actor.id || null,
    })
    .returning();
  if (units.length)
    await tx.insert(riskEntities).values(units.map((u) => ({ riskId: row.id, entityId: u.id, jurisdictionId: u.jurisdiction_id })));
  await audit(tx, ctx, {
    action: 'risk.create',
    entityType: 'risk',
    entityId: row.id,
    jurisdictionId: row.jurisdictionId,
    summary: `登记风险隐患：${row.title}（${holder.name}）`,
    after: { ...row, entityIds: units.map((u) => u.id) },
  });
  return { id: row.id, created: true };
}
