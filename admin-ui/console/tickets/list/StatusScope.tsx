import { ToggleButton, ToggleButtonGroup } from '@mui/material';
import { useListContext, useTranslate } from 'react-admin';
import { OPEN_STATUSES, TICKET_STATUSES } from '../ticketModel';

export type StatusScopeKey = 'open' | 'closed' | 'all';

const CLOSED_STATUSES = TICKET_STATUSES.filter((status) => !OPEN_STATUSES.includes(status));

/** The status filter each scope sets; "all" sets none. */
export const scopeStatuses: Record<StatusScopeKey, readonly string[] | undefined> = {
  open: OPEN_STATUSES,
  closed: CLOSED_STATUSES,
  all: undefined,
};

const sameSet = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((v) => b.includes(v));

/** Which scope the status filter amounts to, or none when the agent picked other statuses. */
export const scopeOf = (status: unknown): StatusScopeKey | null => {
  if (status === undefined || (Array.isArray(status) && status.length === 0)) return 'all';
  const values = Array.isArray(status) ? status : [status];
  if (sameSet(values, OPEN_STATUSES)) return 'open';
  if (sameSet(values, CLOSED_STATUSES)) return 'closed';
  return null;
};

/** Open (the default view), closed or all tickets, one click away; the other filters are kept. */
export const StatusScope = () => {
  const { filterValues, displayedFilters, setFilters } = useListContext();
  const translate = useTranslate();
  const current = scopeOf(filterValues.status);
  const choose = (scope: StatusScopeKey | null) => {
    if (!scope) return;
    const { status: _status, ...rest } = filterValues;
    const statuses = scopeStatuses[scope];
    setFilters(statuses ? { ...rest, status: [...statuses] } : rest, displayedFilters);
  };
  return (
    <ToggleButtonGroup
      size="small"
      exclusive
      value={current}
      onChange={(_, scope: StatusScopeKey | null) => choose(scope)}
      aria-label={translate('app.triage.scope.label')}
      // Clear of the bulk-actions bar that react-admin keeps (collapsed) over the table's top: axe's target-size.
      sx={{ mx: 2, mt: 1, mb: 2 }}
    >
      {(['open', 'closed', 'all'] as const).map((scope) => (
        <ToggleButton key={scope} value={scope}>
          {translate(`app.triage.scope.${scope}`)}
        </ToggleButton>
      ))}
    </ToggleButtonGroup>
  );
};
