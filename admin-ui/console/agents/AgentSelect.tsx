import { MenuItem, TextField } from '@mui/material';
import { useGetList, useTranslate } from 'react-admin';
import { retryUnlessRefused } from '../common/retryPolicy';
import type { Agent } from '../types';

const NOBODY = '';

interface AgentSelectProps {
  label: string;
  /** null: nobody chosen yet, or (with allowNone) nobody at all. */
  value: number | null;
  onChange: (agentId: number | null) => void;
  /** Offer "unassigned" as a choice. */
  allowNone?: boolean;
}

/** The active agents by name and role, for handing tickets over. */
export const AgentSelect = ({ label, value, onChange, allowNone = false }: AgentSelectProps) => {
  const translate = useTranslate();
  const { data: agents = [] } = useGetList<Agent>(
    'agents',
    { pagination: { page: 1, perPage: 200 }, sort: { field: 'name', order: 'ASC' }, filter: { active: true } },
    { retry: retryUnlessRefused },
  );
  const known = value != null && agents.some((agent) => agent.id === value);
  return (
    <TextField
      select
      fullWidth
      label={label}
      value={known ? String(value) : NOBODY}
      onChange={(event) => onChange(event.target.value === NOBODY ? null : Number(event.target.value))}
    >
      {allowNone && <MenuItem value={NOBODY}>{translate('app.ticket.unassigned')}</MenuItem>}
      {agents.map((agent) => (
        <MenuItem key={agent.id} value={String(agent.id)}>
          {agent.name} · {translate(`app.role.${agent.role}`)}
        </MenuItem>
      ))}
    </TextField>
  );
};
