import PersonSearchIcon from '@mui/icons-material/PersonSearch';
import { AccountList } from './AccountList';
import { AccountShow } from './AccountShow';

export default {
  list: AccountList,
  show: AccountShow,
  icon: PersonSearchIcon,
  recordRepresentation: 'uin',
};
