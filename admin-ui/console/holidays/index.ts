import EventBusyIcon from '@mui/icons-material/EventBusy';
import { lazyPage } from '../common/lazyPage';

export default {
  list: lazyPage(() => import('./HolidayList'), 'HolidayList'),
  create: lazyPage(() => import('./HolidayCreate'), 'HolidayCreate'),
  edit: lazyPage(() => import('./HolidayEdit'), 'HolidayEdit'),
  icon: EventBusyIcon,
  recordRepresentation: 'name',
};
