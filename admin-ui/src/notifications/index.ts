import MarkEmailReadIcon from '@mui/icons-material/MarkEmailRead';
import { NotificationList } from './NotificationList';
import { NotificationShow } from './NotificationShow';

export default {
  list: NotificationList,
  show: NotificationShow,
  icon: MarkEmailReadIcon,
  recordRepresentation: 'subject',
};
