import VerifiedUserIcon from '@mui/icons-material/VerifiedUser';
import { ListItemIcon, ListItemText, MenuItem } from '@mui/material';
import { forwardRef } from 'react';
import { LinkBase, useTranslate, useUserMenu } from 'react-admin';
import { PROFILE_PATH } from '../authProvider';

/** "My profile" in the user menu: where an agent turns two-factor sign-in on or off. */
export const ProfileMenuItem = forwardRef<HTMLAnchorElement>((props, ref) => {
  const translate = useTranslate();
  const userMenu = useUserMenu();
  return (
    <MenuItem component={LinkBase} to={PROFILE_PATH} ref={ref} {...props} onClick={() => userMenu?.onClose()}>
      <ListItemIcon>
        <VerifiedUserIcon fontSize="small" />
      </ListItemIcon>
      <ListItemText>{translate('app.profile.menu')}</ListItemText>
    </MenuItem>
  );
});
ProfileMenuItem.displayName = 'ProfileMenuItem';
