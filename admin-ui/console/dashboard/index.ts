import { lazyPage } from '../common/lazyPage';

export const Dashboard = lazyPage(() => import('./Dashboard'), 'Dashboard');
