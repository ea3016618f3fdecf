import { fetchUtils, type DataProvider, type GetListParams } from 'react-admin';
import simpleRestProvider from 'ra-data-simple-rest';
import type { Catalog } from './catalog/catalogTypes';
import type { Overview } from './types';

/** Filter forms drop null values, so "unassigned" travels as this marker until the request is built. */
export const NULL_FILTER_VALUE = '@null';

export interface HelpdeskDataProvider extends DataProvider {
  getCatalog: () => Promise<Catalog>;
  getOverview: () => Promise<Overview>;
}

export const createHttpClient =
  () =>
  (url: string, options: fetchUtils.Options = {}) =>
    fetchUtils.fetchJson(url, { ...options, credentials: 'same-origin' });

const restoreNulls = (filter: GetListParams['filter']): GetListParams['filter'] =>
  Object.fromEntries(
    Object.entries(filter ?? {}).map(([key, value]) => [key, value === NULL_FILTER_VALUE ? null : value]),
  );

export const createDataProvider = (apiUrl = '/api'): HelpdeskDataProvider => {
  const httpClient = createHttpClient();
  const rest = simpleRestProvider(apiUrl, httpClient);
  const getJson = async <T,>(path: string): Promise<T> => (await httpClient(`${apiUrl}${path}`)).json as T;

  return {
    ...rest,
    getList: (resource, params) => rest.getList(resource, { ...params, filter: restoreNulls(params.filter) }),
    getManyReference: (resource, params) =>
      rest.getManyReference(resource, { ...params, filter: restoreNulls(params.filter) }),
    getCatalog: () => getJson<Catalog>('/public/catalog'),
    getOverview: () => getJson<Overview>('/stats/overview'),
  };
};
