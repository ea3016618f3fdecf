import { lazyPage } from '../common/lazyPage';

export const ProfilePage = lazyPage(() => import('./ProfilePage'), 'ProfilePage');
