import {
  ASSIST_ACTIONS,
  ASSIST_STATUSES,
  CLUE_ACTIONS,
  CLUE_STATUSES,
  TRANSFER_ACTIONS,
  TRANSFER_STATUSES,
  type AssistAction,
  type AssistStatus,
  type ClueAction,
  type ClueStatus,
  type TransferAction,
  type TransferStatus,
} from '../../../contracts/clues.js';
import type { Role } from '../../../contracts/permissions.js';
import { defineWorkflow } from '../../core/workflow.js';

/** Who decides on a clue (立案 / 不予立案 / 移交): the unit's responsible people, not every inspector (负责人决定是否立案). */
export const CLUE_DECIDERS: readonly Role[] = ['admin', 'office', 'enforcement', 'station_head'];

/**
 * Clue states: 待核查 → 核查中 (anyone holding clues.manage starts the verification and records its
 * findings) → 已立案 (the cases module opens the case in the same transaction) | 不予立案 (reason
 * required) | 已移交 (a transfer record with its receiving body). Decisions only by CLUE_DECIDERS.
 */
export const clueWorkflow = defineWorkflow<ClueStatus, ClueAction>({
  record: '线索',
  states: CLUE_STATUSES,
  actions: CLUE_ACTIONS,
  transitions: [
    { action: 'verify', from: 'pending', to: 'verifying', permission: 'clues.manage' },
    { action: 'file', from: 'verifying', to: 'filed', permission: 'clues.manage', roles: CLUE_DECIDERS },
    {
      action: 'dismiss',
      from: 'verifying',
      to: 'not_filed',
      permission: 'clues.manage',
      roles: CLUE_DECIDERS,
      note: 'required',
      noteLabel: '不予立案理由',
    },
    { action: 'transfer', from: 'verifying', to: 'transferred', permission: 'clues.manage', roles: CLUE_DECIDERS },
  ],
});

/** A transfer (移交): sent → 已回执 once the receiving body's receipt is recorded. */
export const transferWorkflow = defineWorkflow<TransferStatus, TransferAction>({
  record: '移交',
  states: TRANSFER_STATUSES,
  actions: TRANSFER_ACTIONS,
  transitions: [{ action: 'receipt', from: 'sent', to: 'receipted', permission: 'clues.manage' }],
});

export interface AssistFacts {
  incoming: boolean;
  /** An incoming request already made into a clue. */
  hasClue: boolean;
}

/** An assist request (协查函), sent or received: 待回复 → 已回复; a received one may become a clue (协查请求) once. */
export const assistWorkflow = defineWorkflow<AssistStatus, AssistAction, AssistFacts>({
  record: '协查函',
  states: ASSIST_STATUSES,
  actions: ASSIST_ACTIONS,
  transitions: [
    { action: 'reply', from: 'open', to: 'replied', permission: 'clues.manage' },
    { action: 'to_clue', from: 'open', to: 'open', permission: 'clues.manage', when: (f) => f.incoming && !f.hasClue },
    { action: 'to_clue', from: 'replied', to: 'replied', permission: 'clues.manage', when: (f) => f.incoming && !f.hasClue },
  ],
});
