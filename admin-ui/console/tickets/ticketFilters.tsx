import { BooleanInput, SearchInput, SelectArrayInput, SelectInput, useGetIdentity, useGetList, useTranslate } from 'react-admin';
import { useCatalogText } from '../catalog/useCatalog';
import { enumChoices } from '../common/choices';
import { retryUnlessRefused } from '../common/retryPolicy';
import { NULL_FILTER_VALUE } from '../dataProvider';
import type { Agent } from '../types';
import { PRIORITIES, TICKET_STATUSES } from './ticketModel';

interface FilterInputProps {
  source: string;
  alwaysOn?: boolean;
}

/** "Me" and "unassigned" always; the rest of the roster when the API lets this agent list agents. */
const AssigneeFilterInput = ({ source }: FilterInputProps) => {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const { data: agents = [] } = useGetList<Agent>(
    'agents',
    { pagination: { page: 1, perPage: 200 }, sort: { field: 'name', order: 'ASC' }, filter: { active: true } },
    { retry: retryUnlessRefused },
  );
  const choices = [
    ...(identity ? [{ id: identity.id, name: translate('app.filters.mine') }] : []),
    { id: NULL_FILTER_VALUE, name: translate('app.filters.unassigned') },
    ...agents.filter((agent) => agent.id !== identity?.id).map((agent) => ({ id: agent.id, name: agent.name })),
  ];
  return <SelectInput source={source} choices={choices} translateChoice={false} />;
};

/**
 * Only "true" is a meaningful filter. Switched off, the value is '' because the filter form drops empty
 * strings from the filter, whereas it would keep the previous value for undefined (and false means "on time").
 */
const OverdueFilterInput = ({ source }: FilterInputProps) => (
  <BooleanInput source={source} format={(value: unknown) => value === true} parse={(checked: boolean) => (checked ? true : '')} />
);

export const useTicketFilters = () => {
  const text = useCatalogText();
  return [
    <SearchInput key="q" source="q" alwaysOn />,
    <SelectArrayInput key="status" source="status" choices={enumChoices(TICKET_STATUSES, 'app.status')} alwaysOn />,
    <SelectInput key="kind" source="kind" choices={text.kindChoices()} translateChoice={false} alwaysOn />,
    <AssigneeFilterInput key="assigneeId" source="assigneeId" alwaysOn />,
    <SelectInput key="priority" source="priority" choices={enumChoices(PRIORITIES, 'app.priority')} />,
    <SelectInput key="subjectType" source="subjectType" choices={text.subjectTypeChoices()} translateChoice={false} />,
    <OverdueFilterInput key="overdue" source="overdue" alwaysOn />,
  ];
};
