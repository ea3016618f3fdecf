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
