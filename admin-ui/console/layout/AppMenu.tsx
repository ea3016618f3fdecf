import VerifiedUserIcon from '@mui/icons-material/VerifiedUser';
import { Menu, useResourceDefinitions } from 'react-admin';
import { PROFILE_PATH } from '../authProvider';
import { QueueMenuItems } from '../tickets/QueueMenuItems';

/** The dashboard, the ticket queues, then every other resource this agent's role may open, and one's own profile. */
export const AppMenu = () => {
  const resources = useResourceDefinitions();
  return (
    <Menu>
      <Menu.DashboardItem />
      <QueueMenuItems />
      {Object.values(resources)
        .filter((resource) => resource.name !== 'tickets' && resource.hasList)
        .map((resource) => (
          <Menu.ResourceItem key={resource.name} name={resource.name} />
        ))}
      <Menu.Item to={PROFILE_PATH} primaryText="app.profile.menu" leftIcon={<VerifiedUserIcon />} />
    </Menu>
  );
};
