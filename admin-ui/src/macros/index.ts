import QuickreplyIcon from '@mui/icons-material/Quickreply';
import { MacroCreate } from './MacroCreate';
import { MacroEdit } from './MacroEdit';
import { MacroList } from './MacroList';

export default {
  list: MacroList,
  create: MacroCreate,
  edit: MacroEdit,
  icon: QuickreplyIcon,
  recordRepresentation: 'name',
};
