import PersonSearchIcon from '@mui/icons-material/PersonSearch';
import { lazyPage } from '../common/lazyPage';

export default {
  list: lazyPage(() => import('./AccountList'), 'AccountList'),
  show: lazyPage(() => import('./AccountShow'), 'AccountShow'),
  icon: PersonSearchIcon,
  recordRepresentation: 'uin',
};
