import RuleFolderIcon from '@mui/icons-material/RuleFolder';
import { RejectionReasonCreate } from './RejectionReasonCreate';
import { RejectionReasonEdit } from './RejectionReasonEdit';
import { RejectionReasonList } from './RejectionReasonList';

export default {
  list: RejectionReasonList,
  create: RejectionReasonCreate,
  edit: RejectionReasonEdit,
  icon: RuleFolderIcon,
  recordRepresentation: 'code',
};
