import { CreateButton, ExportButton, FilterButton, TopToolbar, useListContext, useResourceDefinition } from 'react-admin';
import { TicketColumnsMenu } from './TicketColumnsMenu';

/**
 * The list's toolbar: filters (which also save and recall the agent's queries, with their sort), the columns to show,
 * create and export, as react-admin's default toolbar has them.
 */
export const TicketListActions = () => {
  const { total } = useListContext();
  const { hasCreate } = useResourceDefinition();
  return (
    <TopToolbar>
      <FilterButton />
      <TicketColumnsMenu />
      {hasCreate && <CreateButton />}
      <ExportButton disabled={total === 0} />
    </TopToolbar>
  );
};
