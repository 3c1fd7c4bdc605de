import type { Actor } from '../server/core/context.js';
import { AppError } from '../server/core/errors.js';

/** An actor for tests of the pure permission and scope rules (policy.ts): a station inspector unless told otherwise. */
export function actorWith(over: Partial<Actor> = {}): Actor {
  return {
    id: 7,
    username: 'inspector_t',
    name: '测试检查员',
    role: 'inspector',
    scope: 'jurisdiction',
    orgUnitId: 50,
    jurisdictionId: 5,
    jurisdictionPath: '/1/2/5/',
    ...over,
  };
}

type Refusal = { code: string; status: number; message: string };

function refusalFrom(e: unknown): Refusal {
  if (!(e instanceof AppError)) throw e;
  return { code: e.code, status: e.status, message: e.message };
}

/** What a rule refuses with (code, HTTP status, message), or undefined when it lets the actor through. */
export function refusal(f: () => unknown): Refusal | undefined {
  try {
    f();
  } catch (e) {
    return refusalFrom(e);
  }
  return undefined;
}

/** The same for a rule that reads the database. */
export async function refusalOf(p: Promise<unknown>): Promise<Refusal | undefined> {
  try {
    await p;
  } catch (e) {
    return refusalFrom(e);
  }
  return undefined;
}
