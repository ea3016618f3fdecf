import SupportAgentIcon from '@mui/icons-material/SupportAgent';
import { AgentCreate } from './AgentCreate';
import { AgentEdit } from './AgentEdit';
import { AgentList } from './AgentList';

export default {
  list: AgentList,
  create: AgentCreate,
  edit: AgentEdit,
  icon: SupportAgentIcon,
  recordRepresentation: 'name',
};
