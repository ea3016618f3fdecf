import { Menu, useResourceDefinitions } from 'react-admin';
import { QueueMenuItems } from '../tickets/QueueMenuItems';

/** The dashboard, the ticket queues, then every other resource this agent's role may open. */
export const AppMenu = () => {
  const resources = useResourceDefinitions();
  return (
    <Menu>
      <Menu.DashboardItem />
      <QueueMenuItems />
      {Object.values(resources)
        .filter(resource => resource.name !== 'tickets' && resource.hasList)
        .map(resource => (
          <Menu.ResourceItem key={resource.name} name={resource.name} />
        ))}
    </Menu>
  );
};
