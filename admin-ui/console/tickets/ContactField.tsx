import { useState } from 'react';
import { Button } from '@mui/material';
import VisibilityIcon from '@mui/icons-material/Visibility';
import { useDataProvider, useNotify, useTranslate } from 'react-admin';
import type { HelpdeskDataProvider } from '../dataProvider';
import type { Ticket, TicketContact } from '../types';
import { useTicketReview } from './review/useTicketReview';

/**
 * The customer's contact as the server sends it (masked), and for the ticket's assignee or a supervisor a button that
 * asks for it in full: the server records who looked. Those who decide the ticket are those who may reveal.
 */
export const ContactField = ({ ticket }: { ticket: Ticket }) => {
  const dataProvider = useDataProvider<HelpdeskDataProvider>();
  const translate = useTranslate();
  const notify = useNotify();
  const { data: review } = useTicketReview(ticket.id);
  const [full, setFull] = useState<Partial<TicketContact> | null>(null);
  const [pending, setPending] = useState(false);
  const shown = { ...ticket.contact, ...full };

  const reveal = async () => {
    setPending(true);
    try {
      setFull((await dataProvider.revealContact(ticket.id)).contact);
    } catch (error) {
      notify((error as Error).message || 'ra.notification.http_error', { type: 'error' });
    } finally {
      setPending(false);
    }
  };

  return (
    <>
      {[shown.name, shown.phone, shown.email].filter(Boolean).join(' · ')}
      {!full && review?.decision?.mayDecide && (
        <Button size="small" startIcon={<VisibilityIcon fontSize="small" />} disabled={pending} onClick={reveal} sx={{ ml: 1, py: 0 }}>
          {translate('app.ticket.revealContact')}
        </Button>
      )}
    </>
  );
};
