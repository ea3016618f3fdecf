import ConfirmationNumberIcon from '@mui/icons-material/ConfirmationNumber';
import { TicketList } from './TicketList';
import { TicketShow } from './TicketShow';

export default {
  list: TicketList,
  show: TicketShow,
  icon: ConfirmationNumberIcon,
  recordRepresentation: 'reference',
};
