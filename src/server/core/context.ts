import type { DataScope, Role } from '../../contracts/permissions.js';
import type { Db } from '../../db/client.js';
import type { FileStore } from './files/store.js';
import type { JobRunner } from './jobs/runner.js';
import type { Registry } from './extensions.js';

/** The person acting, resolved from the session. */
export interface Actor {
  id: number;
  username: string;
  name: string;
  role: Role;
  scope: DataScope;
  orgUnitId: number;
  jurisdictionId: number;
  /** Materialised path of the actor's jurisdiction, e.g. "/1/2/5/". */
  jurisdictionPath: string;
}

/** What every use case receives: the database, who acts, and from where. */
export interface Ctx {
  db: Db;
  actor: Actor;
  ip?: string;
  /** The background job runner (absent in CLI tools and demo seeding). */
  jobs?: JobRunner;
  /** The file store for evidence files (core/files; absent in CLI tools and demo seeding). */
  files?: FileStore;
  /** What the modules contribute to each other (core/extensions.ts), from `modules/index.ts`. */
  ext: Registry;
}

/** A system actor for CLI tasks, demo seeding and imports run outside a request. */
export function systemActor(jurisdictionPath = '/'): Actor {
  return {
    id: 0,
    username: 'system',
    name: '系统',
    role: 'admin',
    scope: 'all',
    orgUnitId: 0,
    jurisdictionId: 0,
    jurisdictionPath,
  };
}
