import { useState } from 'react';
import { Checkbox, FormControl, FormControlLabel, FormGroup, FormLabel } from '@mui/material';
import { useTranslate } from 'react-admin';
import { useCatalogText } from '../../catalog/useCatalog';
import { ActionDialog } from '../../common/ActionDialog';
import { MessageWithMacros } from '../../macros/MessageWithMacros';
import type { Ticket } from '../../types';
import { SlotStateChip } from '../TicketChips';
import { slotsToAskFor } from './reviewModel';
import { useTicketAction } from './useTicketAction';

interface RequestMaterialsDialogProps {
  ticket: Ticket;
  open: boolean;
  onClose: () => void;
}

/** Ask the customer for materials: which slots, and the message they will read (a macro can write it). */
export const RequestMaterialsDialog = ({ ticket, open, onClose }: RequestMaterialsDialogProps) => {
  const translate = useTranslate();
  const text = useCatalogText();
  const { perform, busy } = useTicketAction();
  const slots = ticket.slots ?? [];
  const [chosen, setChosen] = useState<string[]>(() => slotsToAskFor(slots));
  const [message, setMessage] = useState('');

  const toggle = (key: string) =>
    setChosen((current) => (current.includes(key) ? current.filter((entry) => entry !== key) : [...current, key]));

  const send = async () => {
    const ordered = slots.map((slot) => slot.key).filter((key) => chosen.includes(key));
    const sent = await perform((provider) => provider.requestMaterials(ticket.id, ordered, message.trim(), ticket.version), {
      success: 'app.request.sent',
    });
    if (sent) onClose();
  };

  return (
    <ActionDialog
      open={open}
      title={translate('app.request.title')}
      confirmLabel={translate('app.request.send')}
      onConfirm={send}
      onClose={onClose}
      canConfirm={chosen.length > 0 && message.trim().length > 0}
      busy={busy}
    >
      <FormControl component="fieldset">
        <FormLabel component="legend">{translate('app.request.slots')}</FormLabel>
        <FormGroup>
          {slots.map((slot) => (
            <FormControlLabel
              key={slot.key}
              control={<Checkbox checked={chosen.includes(slot.key)} onChange={() => toggle(slot.key)} />}
              label={
                <>
                  {text.material(ticket.kind, ticket.subjectType, slot.key)} <SlotStateChip state={slot.state} />
                </>
              }
            />
          ))}
        </FormGroup>
      </FormControl>
      <MessageWithMacros ticket={ticket} action="request" label={translate('app.request.message')} value={message} onChange={setMessage} />
    </ActionDialog>
  );
};
