import { usePermissions } from 'react-admin';
import { BulkAssignButton } from './BulkAssignButton';
import { BulkMoveButton } from './BulkMoveButton';
import { BulkTakeButton } from './BulkTakeButton';

/** Agents take tickets for themselves; supervisors and admins also hand them to others. */
export const TicketBulkActions = () => {
  const { permissions } = usePermissions<string>();
  return (
    <>
      <BulkTakeButton />
      {(permissions === 'supervisor' || permissions === 'admin') && <BulkAssignButton />}
      <BulkMoveButton />
    </>
  );
};
