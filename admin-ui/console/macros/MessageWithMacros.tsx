import { TextField } from '@mui/material';
import type { Ticket } from '../types';
import type { MacroAction } from './macroFit';
import { MacroPicker } from './MacroPicker';

interface MessageWithMacrosProps {
  ticket: Ticket;
  action: MacroAction;
  label: string;
  value: string;
  onChange: (text: string) => void;
}

/** The message the customer will read, which a macro can fill in the ticket's language. */
export const MessageWithMacros = ({ ticket, action, label, value, onChange }: MessageWithMacrosProps) => (
  <>
    <MacroPicker ticket={ticket} action={action} onText={onChange} />
    <TextField label={label} value={value} onChange={(event) => onChange(event.target.value)} multiline minRows={4} required />
  </>
);
