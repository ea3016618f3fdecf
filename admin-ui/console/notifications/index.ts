import MarkEmailReadIcon from '@mui/icons-material/MarkEmailRead';
import { lazyPage } from '../common/lazyPage';

export default {
  list: lazyPage(() => import('./NotificationList'), 'NotificationList'),
  show: lazyPage(() => import('./NotificationShow'), 'NotificationShow'),
  icon: MarkEmailReadIcon,
  recordRepresentation: 'subject',
};
