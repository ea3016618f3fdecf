import { useState } from 'react';
import { Stack } from '@mui/material';
import { useRecordContext } from 'react-admin';
import type { Ticket } from '../../types';
import { MaterialsChecklist } from '../MaterialsChecklist';
import { firstSlotToReview } from './reviewModel';
import { SlotDetail } from './SlotDetail';
import { useTicketEvidence } from './useTicketEvidence';

/**
 * The checklist, and below it the slot the agent picked from it. Until the agent picks one, it is the first file
 * nobody has judged, so each verdict moves the page on to the next file.
 */
export const MaterialsReview = () => {
  const ticket = useRecordContext<Ticket>();
  const [picked, setPicked] = useState<string | undefined>();
  const { data: files = [] } = useTicketEvidence(ticket?.id);
  if (!ticket) return null;
  const slots = ticket.slots ?? [];
  const slot = slots.find((candidate) => candidate.key === picked) ?? firstSlotToReview(slots);

  return (
    <Stack spacing={2}>
      <MaterialsChecklist selectedKey={slot?.key} onSelect={setPicked} />
      {slot && <SlotDetail ticket={ticket} slot={slot} files={files} />}
    </Stack>
  );
};
