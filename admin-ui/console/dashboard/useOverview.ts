import { useQuery } from '@tanstack/react-query';
import { useDataProvider } from 'react-admin';
import { retryUnlessRefused } from '../common/retryPolicy';
import type { HelpdeskDataProvider } from '../dataProvider';

export const useOverview = () => {
  const dataProvider = useDataProvider<HelpdeskDataProvider>();
  return useQuery({
    queryKey: ['stats', 'overview'],
    queryFn: () => dataProvider.getOverview(),
    refetchInterval: 60_000,
    retry: retryUnlessRefused,
  });
};
