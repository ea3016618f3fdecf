import { forbidden } from '../http/errors';

export const roles = ['agent', 'supervisor', 'admin'] as const;
export type Role = (typeof roles)[number];

const rank: Record<Role, number> = { agent: 0, supervisor: 1, admin: 2 };

/** Who may do what, in one place. Each action names the least role that may do it. */
export const policy = {
  'tickets.read': 'agent',
  'tickets.create': 'agent',
  'tickets.update': 'agent',
  'tickets.reassign': 'supervisor',
  'tickets.delete': 'admin',
  'accounts.read': 'agent',
  'agents.read': 'agent',
  'agents.manage': 'admin',
  'events.read': 'agent',
  'messages.read': 'agent',
  'messages.create': 'agent',
  'macros.read': 'agent',
  'macros.manage': 'admin',
  'notifications.read': 'agent',
  'evidence.read': 'agent',
  'stats.read': 'agent',
  'tickets.decide': 'agent',
  'tickets.override': 'supervisor',
  // A four-eyes approval is confirmed by a supervisor or admin other than its proposer.
  'tickets.confirm': 'supervisor',
  // Deciding, asking for materials or moving a ticket someone else is assigned to.
  'tickets.actOnOthers': 'supervisor',
  'evidence.review': 'agent',
  'files.read': 'agent',
  'holidays.read': 'agent',
  'holidays.manage': 'admin',
  'rejectionReasons.read': 'agent',
  'rejectionReasons.manage': 'admin',
  'privacy.manage': 'admin',
} as const satisfies Record<string, Role>;

export type Action = keyof typeof policy;

export const can = (role: string, action: Action): boolean => {
  const r = roles.includes(role as Role) ? (role as Role) : 'agent';
  return rank[r] >= rank[policy[action]];
};

export function authorize(role: string, action: Action): void {
  if (!can(role, action)) throw forbidden(`Only ${policy[action]}s and above may do this`);
}

type Actor = { id: number; role: string };

/** Record-level rule: a ticket assigned to someone is theirs (or a supervisor's) to move; an unassigned one is anyone's. */
export const mayActOn = (agent: Actor, ticket: { assigneeId: number | null }): boolean =>
  ticket.assigneeId === null || ticket.assigneeId === agent.id || can(agent.role, 'tickets.actOnOthers');

/** Only the assignee, or a supervisor, decides: an unassigned ticket is taken first. */
export const mayDecide = (agent: Actor, ticket: { assigneeId: number | null }): boolean =>
  ticket.assigneeId === agent.id || can(agent.role, 'tickets.actOnOthers');

export function authorizeOn(
  agent: Actor,
  ticket: { assigneeId: number | null },
  rule: (a: Actor, t: { assigneeId: number | null }) => boolean = mayActOn,
): void {
  if (!rule(agent, ticket)) {
    throw forbidden(
      ticket.assigneeId === null
        ? 'Take the ticket before deciding it'
        : 'The ticket is assigned to another agent: only they or a supervisor may act on it',
      'NOT_ASSIGNEE',
    );
  }
}
