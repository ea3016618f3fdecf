import SupportAgentIcon from '@mui/icons-material/SupportAgent';
import { lazyPage } from '../common/lazyPage';

export default {
  list: lazyPage(() => import('./AgentList'), 'AgentList'),
  create: lazyPage(() => import('./AgentCreate'), 'AgentCreate'),
  edit: lazyPage(() => import('./AgentEdit'), 'AgentEdit'),
  icon: SupportAgentIcon,
  recordRepresentation: 'name',
};
