import type { ModuleDefinition } from '../../core/extensions.js';
import { calendarRoutes } from './routes.js';

export const calendarModule: ModuleDefinition = { name: 'calendar', routes: calendarRoutes };
