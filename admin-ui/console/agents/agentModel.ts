import type { Agent, Role } from '../types';

export const ROLES: readonly Role[] = ['agent', 'supervisor', 'admin'];
export const AGENT_LOCALES = ['zh-CN', 'en'] as const;

export interface AgentFormValues {
  email: string;
  name: string;
  role: Role;
  locale: string;
  active?: boolean;
  password?: string;
}

/** An empty password on edit means "keep the current one", so it is not sent at all. */
export const toAgentPayload = ({ password, ...rest }: AgentFormValues): AgentFormValues => (password ? { ...rest, password } : rest);

/** An agent as the admin's list and form read it, with the state of their sign-in. */
export interface AgentWithSignIn extends Agent {
  totpEnabled?: boolean;
  /** Set while a lock from wrong passwords or codes is running. */
  lockedUntil?: string | null;
}
