import AccessAlarmIcon from '@mui/icons-material/AccessAlarm';
import FactCheckIcon from '@mui/icons-material/FactCheck';
import HourglassTopIcon from '@mui/icons-material/HourglassTop';
import InboxIcon from '@mui/icons-material/Inbox';
import PersonIcon from '@mui/icons-material/Person';
import PersonOffIcon from '@mui/icons-material/PersonOff';
import type { ReactElement } from 'react';
import { MenuItemLink, MenuItemLinkClasses, useGetIdentity, useLocation, usePermissions, useSidebarState, useTranslate } from 'react-admin';
import { filterInSearch, queueFilter, queueSearch, queueVisibleTo, QUEUES, sameFilter, type QueueKey } from './queues';

const icons: Record<QueueKey, ReactElement> = {
  all: <InboxIcon />,
  mine: <PersonIcon />,
  unassigned: <PersonOffIcon />,
  overdue: <AccessAlarmIcon />,
  awaiting: <HourglassTopIcon />,
  approval: <FactCheckIcon />,
};

/**
 * "Tickets" (all of them) with the queues beneath it (approvals awaiting a second person for supervisors and admins). Every item links to the ticket list, so the menu's own
 * "active" mark is replaced by the queue whose filter the address carries.
 */
export const QueueMenuItems = () => {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const { permissions } = usePermissions<string>();
  const { pathname, search } = useLocation();
  const [sidebarOpen] = useSidebarState();
  const onList = pathname === '/tickets';
  const current = onList ? filterInSearch(search) : undefined;
  const activeQueue = QUEUES.find((queue) => sameFilter(current, queueFilter(queue, identity?.id)));

  const item = (queue: QueueKey, label: string) => {
    const selected = queue === 'all' ? onList && activeQueue === undefined : activeQueue === queue;
    return (
      <MenuItemLink
        key={queue}
        to={{ pathname: '/tickets', search: queueSearch(queueFilter(queue, identity?.id)) }}
        primaryText={label}
        leftIcon={icons[queue]}
        selected={selected}
        aria-current={selected ? 'page' : undefined}
        sx={{
          ...(queue !== 'all' && sidebarOpen ? { pl: 4 } : {}),
          [`&.${MenuItemLinkClasses.active}`]: { color: selected ? 'text.primary' : 'text.secondary' },
        }}
      />
    );
  };

  return (
    <>
      {item('all', translate('resources.tickets.name', { smart_count: 2 }))}
      {QUEUES.filter((queue) => (queue !== 'mine' || identity) && queueVisibleTo(queue, permissions)).map((queue) =>
        item(queue, translate(`app.queues.${queue}`)),
      )}
    </>
  );
};
