import RuleFolderIcon from '@mui/icons-material/RuleFolder';
import { lazyPage } from '../common/lazyPage';

export default {
  list: lazyPage(() => import('./RejectionReasonList'), 'RejectionReasonList'),
  create: lazyPage(() => import('./RejectionReasonCreate'), 'RejectionReasonCreate'),
  edit: lazyPage(() => import('./RejectionReasonEdit'), 'RejectionReasonEdit'),
  icon: RuleFolderIcon,
  recordRepresentation: 'code',
};
