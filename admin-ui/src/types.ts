import type { RaRecord } from 'react-admin';

// Records as the API presents them; identifiers arrive already masked by the server.

export type Role = 'agent' | 'supervisor' | 'admin';
export type SubjectType = 'personal' | 'enterprise' | 'unverified';
export type TicketStatus =
  | 'new'
  | 'triage'
  | 'in_review'
  | 'awaiting_customer'
  | 'approved'
  | 'rejected'
  | 'closed'
  | 'withdrawn';
export type Priority = 'low' | 'normal' | 'high' | 'urgent';
export type SlotState = 'missing' | 'ok' | 'warn' | 'fail';
export type Verdict = 'accepted' | 'rejected';

export interface MaterialSlot {
  id: number;
  key: string;
  required: boolean;
  state: SlotState;
  verdict: Verdict | null;
  reasonCode: string | null;
  evidenceCount: number;
}

export interface Ticket extends RaRecord<number> {
  reference: string;
  kind: string;
  variant: string | null;
  subjectType: SubjectType;
  status: TicketStatus;
  priority: Priority;
  assigneeId: number | null;
  accountId: number | null;
  accountUin: string | null;
  fields: Record<string, string>;
  contactName: string;
  contactEmail: string | null;
  contactPhone: string | null;
  locale: string;
  complete: boolean;
  overdue: boolean;
  slaDueAt: string;
  slaPausedAt: string | null;
  submittedAt: string;
  decidedAt: string | null;
  closedAt: string | null;
  createdAt: string;
  updatedAt: string;
  slots?: MaterialSlot[];
}

export interface TicketEvent extends RaRecord<number> {
  ticketId: number | null;
  actorType: 'agent' | 'customer' | 'system';
  agentId: number | null;
  type: string;
  fromStatus: TicketStatus | null;
  toStatus: TicketStatus | null;
  reason: string | null;
  data: Record<string, unknown> | null;
  createdAt: string;
}

export type MessageKind = 'public_reply' | 'internal_note' | 'customer_message';

export interface TicketMessage extends RaRecord<number> {
  ticketId: number;
  kind: MessageKind;
  agentId: number | null;
  body: string;
  createdAt: string;
}

export type LoginMethodType = 'qq' | 'wechat' | 'wecom' | 'email' | 'official_account';

export interface LoginMethod {
  type: LoginMethodType;
  identifier: string;
  registration: boolean;
}

export interface Account extends RaRecord<number> {
  uin: string;
  subjectType: SubjectType;
  realName: string | null;
  companyName: string | null;
  idNumber: string | null;
  creditCode: string | null;
  securityPhone: string | null;
  securityEmail: string | null;
  loginMethods: LoginMethod[];
  mfaBound: boolean;
  protection: { login: boolean; operation: boolean; remoteLogin: boolean; mfaType: string | null };
  balanceCents: number;
  arrearsCents: number;
  vouchers: number;
  resourcesInUse: number;
  subUsers: number;
  collaborators: number;
  openComplaints: number;
  lastRealNameChangeAt: string | null;
  status: 'active' | 'frozen' | 'cancelled';
  createdAt: string;
  updatedAt: string;
}

export interface Agent extends RaRecord<number> {
  email: string;
  name: string;
  role: Role;
  active: boolean;
  locale: string;
  lastLoginAt: string | null;
  createdAt: string;
}

export interface Overview {
  open: number;
  overdue: number;
  byStatus: Partial<Record<TicketStatus, number>>;
  byKind: Record<string, number>;
}
