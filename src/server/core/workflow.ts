import { can, type Permission, type Role } from '../../contracts/permissions.js';
import type { DbOrTx } from '../../db/client.js';
import { audit, type AuditEntry } from './audit.js';
import type { Actor, Ctx } from './context.js';
import { AppError } from './errors.js';

/**
 * The workflow kit: one table per stateful record (states, actions, transitions and who may take
 * each), read the same way everywhere.
 *  - `actionsFor(actor, state, facts)`: what the caller may do now — every presenter returns it, so
 *    the web app shows buttons from it and never re-implements state rules;
 *  - `take(actor, action, state, opts)`: the transition, or a refusal with a Chinese message
 *    (409 ILLEGAL_TRANSITION, 403 FORBIDDEN, 400 VALIDATION for a missing reason);
 *  - `apply(tx, ctx, …)`: guard, change and audit row in the caller's transaction.
 * `facts` are what a transition's condition needs beyond the state (e.g. "its plan is in force").
 */
export interface Transition<S extends string, A extends string, F> {
  action: A;
  from: S;
  to: S;
  /** The permission the caller needs. */
  permission: Permission;
  /** Only these roles (besides the permission); absent = every role holding it. */
  roles?: readonly Role[];
  /** A reason is required / optional; its label names it in forms and refusals. */
  note?: 'required' | 'optional';
  noteLabel?: string;
  /** An extra condition on the record's facts; the row applies only when it holds. */
  when?: (facts: F) => boolean;
}

export interface WorkflowSpec<S extends string, A extends string, F> {
  /** The record's name in messages, e.g. 检查记录. */
  record: string;
  states: Record<S, string>;
  actions: Record<A, string>;
  transitions: readonly Transition<S, A, F>[];
}

export interface ApplyOptions<S extends string, A extends string, F, R> {
  action: A;
  /** The state as read inside the transaction (row locked). */
  state: S;
  facts?: F;
  note?: string | null;
  /** Make the change; returns the record after it. */
  change: (to: S, t: Transition<S, A, F>) => Promise<R>;
  /** The audit row (action, record, summary, before); `after` is the change's result unless mapped. */
  audit: Omit<AuditEntry, 'after'> & { after?: (result: R) => unknown };
}

export class Workflow<S extends string, A extends string, F = undefined> {
  constructor(readonly spec: WorkflowSpec<S, A, F>) {
    for (const t of spec.transitions) {
      if (!(t.from in spec.states) || !(t.to in spec.states) || !(t.action in spec.actions))
        throw new Error(`workflow ${spec.record}: bad row ${t.action}`);
    }
  }

  private rows(action: A, state: S, facts: F | undefined) {
    return this.spec.transitions.filter((t) => t.action === action && t.from === state && (!t.when || t.when(facts as F)));
  }

  private allowed(actor: Pick<Actor, 'role'>, t: Transition<S, A, F>) {
    return can(actor.role, t.permission) && (!t.roles || t.roles.includes(actor.role));
  }

  /** The actions the actor may take on a record in `state` (in table order, each once). */
  actionsFor(actor: Pick<Actor, 'role'>, state: S, facts?: F): A[] {
    const out: A[] = [];
    for (const t of this.spec.transitions) {
      if (t.from !== state || out.includes(t.action) || (t.when && !t.when(facts as F))) continue;
      if (this.allowed(actor, t)) out.push(t.action);
    }
    return out;
  }

  /** The transition for (action, state), or the refusal. */
  take(actor: Pick<Actor, 'role'>, action: A, state: S, opts: { facts?: F; note?: string | null } = {}): Transition<S, A, F> {
    const candidates = this.rows(action, state, opts.facts);
    const name = this.spec.actions[action];
    if (!candidates.length) {
      throw new AppError('ILLEGAL_TRANSITION', `当前状态为“${this.spec.states[state] ?? state}”，不能${name}`, 409);
    }
    const t = candidates.find((c) => this.allowed(actor, c));
    if (!t) throw new AppError('FORBIDDEN', `无权${name}${this.spec.record}`, 403);
    if (t.note === 'required' && !opts.note?.trim())
      throw new AppError('VALIDATION', `请填写${t.noteLabel ?? '原因'}`, 400, [
        { path: 'reason', message: `请填写${t.noteLabel ?? '原因'}` },
      ]);
    return t;
  }

  /** The state an action leads to (guarded), for checks before a transaction. */
  next(actor: Pick<Actor, 'role'>, action: A, state: S, opts: { facts?: F; note?: string | null } = {}): S {
    return this.take(actor, action, state, opts).to;
  }

  /** Guard, change and audit in the caller's transaction. */
  async apply<R>(tx: DbOrTx, ctx: Pick<Ctx, 'actor' | 'ip'>, o: ApplyOptions<S, A, F, R>): Promise<R> {
    const t = this.take(ctx.actor, o.action, o.state, { facts: o.facts, note: o.note });
    const after = await o.change(t.to, t);
    await audit(tx, ctx, { ...o.audit, after: o.audit.after ? o.audit.after(after) : after });
    return after;
  }

  /** The table as data (for docs and the web's legends). */
  describe() {
    return this.spec.transitions.map((t) => ({
      action: t.action,
      actionLabel: this.spec.actions[t.action],
      from: t.from,
      to: t.to,
      permission: t.permission,
      roles: t.roles ?? null,
      note: t.note ?? null,
    }));
  }
}

export const defineWorkflow = <S extends string, A extends string, F = undefined>(spec: WorkflowSpec<S, A, F>) =>
  new Workflow<S, A, F>(spec);
