import QuickreplyIcon from '@mui/icons-material/Quickreply';
import { lazyPage } from '../common/lazyPage';

export default {
  list: lazyPage(() => import('./MacroList'), 'MacroList'),
  create: lazyPage(() => import('./MacroCreate'), 'MacroCreate'),
  edit: lazyPage(() => import('./MacroEdit'), 'MacroEdit'),
  icon: QuickreplyIcon,
  recordRepresentation: 'name',
};
