import type { MouseEvent } from 'react';
import { Link, useCreatePath, useRecordContext } from 'react-admin';
import { ROW_LINK_ATTRIBUTE } from '../../keyboard/rowFocus';
import type { Ticket } from '../../types';

/**
 * The row's reference as a real link: Tab reaches it, Enter opens it, a middle click opens a tab. Clicking the row
 * elsewhere still opens the ticket (rowClick); the link keeps its click to itself so the page opens once.
 */
export const TicketLinkField = () => {
  const record = useRecordContext<Ticket>();
  const createPath = useCreatePath();
  if (!record) return null;
  return (
    <Link
      to={createPath({ resource: 'tickets', id: record.id, type: 'show' })}
      onClick={(event: MouseEvent) => event.stopPropagation()}
      {...{ [ROW_LINK_ATTRIBUTE]: '' }}
      sx={{
        fontWeight: 500,
        '&:focus-visible': { outline: '2px solid', outlineColor: 'primary.main', outlineOffset: 2, borderRadius: 0.5 },
      }}
    >
      {record.reference}
    </Link>
  );
};
