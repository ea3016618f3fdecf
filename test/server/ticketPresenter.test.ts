import { describe, expect, it } from 'vitest';
import { oneOf } from '../../server/src/contract/oneOf';
import { ticketStatuses } from '../../server/src/contract/statuses';
import { presentTicket, type PresentedTicket } from '../../server/src/tickets/presenter';

const at = new Date('2026-11-22T09:00:00.000Z');
const row: PresentedTicket = {
  id: 1,
  reference: 'AP-20261122-0001',
  kind: 'mfa_unbind',
  variant: null,
  subjectType: 'personal',
  status: 'in_review',
  priority: 'high',
  assigneeId: null,
  accountId: null,
  accountUin: '100012345678',
  fields: { accountId: '100012345678' },
  contactName: '王小明',
  contactEmail: null,
  contactPhone: '13800000000',
  locale: 'zh-CN',
  complete: false,
  slaDueAt: at,
  slaPausedAt: null,
  submittedAt: at,
  decidedAt: null,
  closedAt: null,
  createdAt: at,
  updatedAt: at,
  ownerVerifiedAt: null,
  ownerObjectedAt: null,
  version: 1,
  customerActivityAt: null,
};

describe('the ticket presenter', () => {
  it("answers the contract's values for the stored strings", () => {
    const ticket = presentTicket(row, at);
    expect([ticket.status, ticket.priority, ticket.subjectType]).toEqual(['in_review', 'high', 'personal']);
    expect(ticket.fields).toEqual({ accountId: '100012345678' });
  });

  it('refuses a stored value the contract does not know, rather than passing it on', () => {
    expect(() => presentTicket({ ...row, status: 'archived' }, at)).toThrow(/Unknown ticket status "archived"/);
    expect(() => presentTicket({ ...row, priority: 'p1' }, at)).toThrow(/Unknown priority/);
    expect(() => presentTicket({ ...row, fields: { accountId: 100012345678 } }, at)).toThrow(/accountId is not a string/);
    expect(oneOf(ticketStatuses, 'closed', 'ticket status')).toBe('closed');
  });
});
