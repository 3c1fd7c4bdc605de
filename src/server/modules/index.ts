import { buildRegistry, type ModuleDefinition, type Registry } from '../core/extensions.js';
import { auditModule } from './audit/module.js';
import { authModule } from './auth/module.js';
import { calendarModule } from './calendar/module.js';
import { casesModule } from './cases/module.js';
import { campaignsModule } from './campaigns/module.js';
import { dashboardModule } from './dashboard/module.js';
import { entitiesModule } from './entities/module.js';
import { healthModule } from './health/module.js';
import { inspectionsModule } from './inspections/module.js';
import { orgModule } from './org/module.js';
import { planningModule } from './planning/module.js';
import { tipsModule } from './tips/module.js';
import { cluesModule } from './clues/module.js';
import { complaintsModule } from './complaints/module.js';
import { risksModule } from './risks/module.js';
import { samplingModule } from './sampling/module.js';
import { creditModule } from './credit/module.js';
import { reportsModule } from './reports/module.js';
import { overviewModule } from './overview/module.js';
import { adrModule } from './adr/module.js';

/**
 * Every feature module, one line each: its routes and what it contributes to the extension points
 * (core/extensions.ts). The order is the order of dashboard sections and timeline sources.
 */
export const MODULES: readonly ModuleDefinition[] = [
  healthModule,
  authModule,
  orgModule,
  calendarModule,
  auditModule,
  entitiesModule,
  campaignsModule,
  tipsModule,
  dashboardModule,
  inspectionsModule,
  planningModule,
  cluesModule,
  complaintsModule,
  risksModule,
  samplingModule,
  creditModule,
  casesModule,
  reportsModule,
  overviewModule,
  adrModule,
];

let built: Registry | undefined;
/** The merged contributions of every module (built once). */
export function registry(): Registry {
  return (built ??= buildRegistry(MODULES));
}
