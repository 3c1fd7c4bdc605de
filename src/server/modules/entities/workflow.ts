import { IMPORT_ACTIONS, IMPORT_STATES, type ImportAction, type ImportState } from '../../../contracts/entities.js';
import { defineWorkflow } from '../../core/workflow.js';

/** Whether the rows, validated (again) against the registry as it is now, have no error. */
export interface ImportFacts {
  clean: boolean;
}

/**
 * An import job (监管对象导入): a file checked by a dry run is 校验通过 or 存在错误; changing the
 * column mapping checks it again; confirming a clean one makes it 导入中 and queues the background
 * job, which validates once more against the registry as it is then (→ 存在错误 if it changed) and
 * writes every row (→ 已导入), or fails as a whole (→ 导入失败, also after a crash, see core/jobs).
 */
export const entityImportWorkflow = defineWorkflow<ImportState, ImportAction, ImportFacts>({
  record: '导入任务',
  states: IMPORT_STATES,
  actions: IMPORT_ACTIONS,
  transitions: [
    { action: 'remap', from: 'validated', to: 'validated', permission: 'entities.manage', when: (f) => f.clean },
    { action: 'remap', from: 'validated', to: 'invalid', permission: 'entities.manage', when: (f) => !f.clean },
    { action: 'remap', from: 'invalid', to: 'validated', permission: 'entities.manage', when: (f) => f.clean },
    { action: 'remap', from: 'invalid', to: 'invalid', permission: 'entities.manage', when: (f) => !f.clean },
    { action: 'confirm', from: 'validated', to: 'running', permission: 'entities.manage' },
    { action: 'complete', from: 'running', to: 'done', permission: 'entities.manage', when: (f) => f.clean },
    { action: 'recheck', from: 'running', to: 'invalid', permission: 'entities.manage', when: (f) => !f.clean },
    { action: 'fail', from: 'running', to: 'failed', permission: 'entities.manage' },
  ],
});
