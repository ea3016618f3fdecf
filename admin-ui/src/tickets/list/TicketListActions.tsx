import { ColumnsButton, CreateButton, ExportButton, FilterButton, TopToolbar, useListContext, useResourceDefinition } from 'react-admin';

/**
 * The list's toolbar: filters (which also save and recall the agent's queries, with their sort) and the columns
 * to show. Both are kept in the console's store in this browser, so an agent's views are there the next day.
 */
export const TicketListActions = () => {
  const { total } = useListContext();
  const { hasCreate } = useResourceDefinition();
  return (
    <TopToolbar>
      <FilterButton />
      <ColumnsButton />
      {hasCreate && <CreateButton />}
      <ExportButton disabled={total === 0} />
    </TopToolbar>
  );
};
