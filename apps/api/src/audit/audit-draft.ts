import type { AuthContext } from '../logging/api-request.js';

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const MAX_USER_AGENT = 512;

/** What the recorder knows of one finished request; never its body or query values. */
export interface RequestFacts {
  method: string;
  /** Express route path of the matched handler (`/api/alarms/:id/acknowledge`); undefined when none matched. */
  routePath: string | undefined;
  params: Readonly<Record<string, unknown>>;
  /** A `site` / `siteId` query value, used only to say which site a list read touched. */
  siteQuery: string | undefined;
  status: number;
  ip: string | null;
  userAgent: string | null;
  requestId: string;
  at: Date;
  auth: AuthContext | undefined;
}

/** A request to record, before the recorder looked up whose data its target is. */
export interface AuditDraft {
  auth: Pick<AuthContext, 'userId' | 'tenantId' | 'role' | 'orgKind' | 'scope'>;
  action: string;
  verb: string;
  targetType: string | null;
  targetId: string | null;
  siteHint: string | null;
  status: number;
  ip: string | null;
  userAgent: string | null;
  requestId: string;
  at: Date;
}

/**
 * Whether a request is recorded, and as what. Recorded: every mutating request of a known caller
 * (whatever the outcome, so refusals are in the log too), and every request of a support-desk
 * member (issue 8: "every support access"). Anonymous requests (a failed login, a missing token)
 * have no actor and are not audit events.
 */
export function auditDraftOf(facts: RequestFacts): AuditDraft | null {
  const { auth } = facts;
  if (!auth || facts.routePath === undefined) {
    return null;
  }
  const method = facts.method.toUpperCase();
  if (!MUTATING.has(method) && auth.orgKind !== 'support_desk') {
    return null;
  }
  const template = facts.routePath.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
  const segments = template.split('/').filter((s) => s !== '' && s !== 'api');
  const idAt = segments.findIndex((s) => s.startsWith('{'));
  const id = facts.params.id;
  return {
    auth: {
      userId: auth.userId,
      tenantId: auth.tenantId,
      role: auth.role,
      orgKind: auth.orgKind,
      scope: auth.scope,
    },
    action: `${method} ${template}`,
    verb: verbOf(method, segments),
    targetType: targetTypeOf(segments, idAt),
    targetId: idAt >= 0 && typeof id === 'string' ? id : null,
    siteHint: facts.siteQuery ?? null,
    status: facts.status,
    ip: facts.ip,
    userAgent: facts.userAgent === null ? null : facts.userAgent.slice(0, MAX_USER_AGENT),
    requestId: facts.requestId,
    at: facts.at,
  };
}

/**
 * `read`/`create`/`update`/`delete`, or for a POST the route's own last word when it is a verb
 * rather than a (plural) collection: `alarms/{id}/acknowledge` → `acknowledge`,
 * `sites/{id}/support-grants` → `create`.
 */
function verbOf(method: string, segments: readonly string[]): string {
  if (method === 'GET' || method === 'HEAD') {
    return 'read';
  }
  if (method === 'DELETE') {
    return 'delete';
  }
  if (method !== 'POST') {
    return 'update';
  }
  const last = segments.at(-1);
  const isVerb = segments.length > 1 && last !== undefined && !last.startsWith('{') && !last.endsWith('s');
  return isVerb ? last : 'create';
}

/** The singular of the collection that holds the target: `alarms/{id}` → `alarm`. */
function targetTypeOf(segments: readonly string[], idAt: number): string | null {
  const collection = idAt > 0 ? segments[idAt - 1] : segments[0];
  if (collection === undefined) {
    return null;
  }
  return collection.endsWith('s') ? collection.slice(0, -1) : collection;
}
