import ConfirmationNumberIcon from '@mui/icons-material/ConfirmationNumber';
import { lazyPage } from '../common/lazyPage';

export default {
  list: lazyPage(() => import('./TicketList'), 'TicketList'),
  show: lazyPage(() => import('./TicketShow'), 'TicketShow'),
  icon: ConfirmationNumberIcon,
  recordRepresentation: 'reference',
};
