import { z } from 'zod';
import { maxPageSize, rangeSchema, rangeSuffixes, scalarSchemas, type ListSpec } from '../http/listQuery';
import { idParam } from '../http/validate';
import type { Operation } from './operation';

/** The `filter` JSON of a list as parseListQuery reads it: each filter's value, a list of values (IN), its ranges. */
export function filterSchema(spec: ListSpec): z.ZodType {
  const keys: Record<string, z.ZodType> = {};
  for (const [key, type] of Object.entries(spec.filters)) {
    const one =
      type === 'date' ? scalarSchemas.date.meta({ type: 'string', description: 'An ISO 8601 date or date-time' }) : scalarSchemas[type];
    keys[key] = z.union([type === 'nullableInt' ? one.nullable() : one, z.array(one).max(1000)]);
    if (type === 'int' || type === 'nullableInt' || type === 'date') {
      for (const suffix of Object.keys(rangeSuffixes)) keys[`${key}${suffix}`] = one;
    }
  }
  if (spec.search) keys.q = z.string().describe('Search text');
  for (const [key, computed] of Object.entries(spec.computed ?? {})) keys[key] = computed.schema;
  // Every key optional; an unknown one is refused (400 INVALID_LIST_QUERY).
  return z.strictObject(keys).partial();
}

export const sortParamSchema = (spec: ListSpec) =>
  z
    .tuple([z.enum(spec.sortable), z.enum(['ASC', 'DESC'])])
    .describe(`Default ${JSON.stringify(spec.defaultSort)}; the order is read case-insensitively`);

const contentRange = z
  .string()
  .describe('ra-data-simple-rest paging: `<resource> <first>-<last>/<total>`, or `<resource> */<total>` for an empty page');

export type RestDoc = {
  /** The path the resource is mounted at, e.g. `/api/tickets`; its name is the last segment. */
  path: string;
  tag: string;
  one: string;
  many: string;
  spec: ListSpec;
  create?: z.ZodType;
  update?: z.ZodType;
  remove?: boolean;
  errors?: { create?: readonly number[]; update?: readonly number[]; remove?: readonly number[] };
};

/** The ra-data-simple-rest operations of one resource (http/restRouter.ts), from its ListSpec and write schemas. */
export function restOperations(r: RestDoc): Operation[] {
  const name = r.path.split('/').pop() ?? r.path;
  const byId = { id: { schema: idParam } };
  const ops: Operation[] = [
    {
      method: 'get',
      path: r.path,
      operationId: `list${r.many}`,
      tag: r.tag,
      summary: `List ${name} (ra-data-simple-rest getList)`,
      access: 'agent',
      query: {
        filter: {
          schema: filterSchema(r.spec),
          json: true,
          description: 'JSON object of filters: a value (equals), an array (IN), null (IS NULL), `<field>_gte|_lte|_gt|_lt` ranges',
        },
        sort: { schema: sortParamSchema(r.spec), json: true, description: 'JSON `["field","ASC"|"DESC"]`' },
        range: {
          schema: rangeSchema.describe(`Default [0,24]; at most ${maxPageSize} rows a page`),
          json: true,
          description: 'JSON `[start,end]`, both included',
        },
      },
      success: [
        {
          status: 200,
          description: `A page of ${name}`,
          answer: 'array',
          headers: {
            'Content-Range': { description: 'The page and the total', schema: contentRange },
            'X-Total-Is-Lower-Bound': {
              description: 'Sent as `true` when the total counts only the matches a capped search returned',
              schema: z.literal('true'),
            },
          },
        },
      ],
    },
    {
      method: 'get',
      path: `${r.path}/{id}`,
      operationId: `get${r.one}`,
      tag: r.tag,
      summary: `One ${r.one.toLowerCase()} (getOne)`,
      access: 'agent',
      params: byId,
      success: [{ status: 200, description: r.one, answer: 'object' }],
    },
  ];
  if (r.create) {
    ops.push({
      method: 'post',
      path: r.path,
      operationId: `create${r.one}`,
      tag: r.tag,
      summary: `Create a ${r.one.toLowerCase()}`,
      access: 'agent',
      body: { json: r.create },
      success: [{ status: 201, description: `The ${r.one.toLowerCase()} created`, answer: 'object' }],
      errors: r.errors?.create,
    });
  }
  if (r.update) {
    ops.push({
      method: 'put',
      path: `${r.path}/{id}`,
      operationId: `update${r.one}`,
      tag: r.tag,
      summary: `Update a ${r.one.toLowerCase()}`,
      access: 'agent',
      params: byId,
      body: { json: r.update },
      success: [{ status: 200, description: `The ${r.one.toLowerCase()} as it is now`, answer: 'object' }],
      errors: r.errors?.update,
    });
  }
  if (r.remove) {
    ops.push({
      method: 'delete',
      path: `${r.path}/{id}`,
      operationId: `delete${r.one}`,
      tag: r.tag,
      summary: `Delete a ${r.one.toLowerCase()}`,
      access: 'agent',
      params: byId,
      success: [{ status: 200, description: `The ${r.one.toLowerCase()} as it was`, answer: 'object' }],
      errors: r.errors?.remove,
    });
  }
  return ops;
}
