import { z } from 'zod';
import { sessionCookie } from '../auth/sessions';
import { acceptedMimeTypes } from '../catalog';
import { errorBodySchema, errorDescriptions } from './errorBody';
import type { Access, Answer, Body, Header, Method, Operation, Param } from './operation';

export type JsonSchema = z.core.JSONSchema.BaseSchema;

export type ParameterObject = {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  description?: string;
  schema?: JsonSchema;
  content?: Record<string, { schema: JsonSchema }>;
};
type MediaObject = { schema: JsonSchema; encoding?: Record<string, { contentType: string }> };
type ResponseObject = {
  description: string;
  headers?: Record<string, { description: string; schema: JsonSchema }>;
  content?: Record<string, MediaObject | { schema: { $ref: string } }>;
};
export type OperationObject = {
  operationId: string;
  tags: string[];
  summary: string;
  description?: string;
  security: Record<string, string[]>[];
  parameters: ParameterObject[];
  requestBody?: { required: boolean; description?: string; content: Record<string, MediaObject> };
  responses: Record<string, ResponseObject>;
};
export type OpenApiDocument = {
  openapi: '3.1.0';
  info: { title: string; version: string; description: string };
  tags: { name: string }[];
  paths: Record<string, Partial<Record<Method, OperationObject>>>;
  components: { schemas: Record<string, JsonSchema>; securitySchemes: Record<string, Record<string, string>> };
};

/** A zod schema as JSON Schema 2020-12 (OpenAPI 3.1's dialect); a transform's input side, refinements left out. */
export function jsonSchemaOf(schema: z.ZodType, io: 'input' | 'output' = 'input'): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' });
  return rest;
}

const security: Record<Access, Record<string, string[]>[]> = {
  agent: [{ agentSession: [] }],
  appealToken: [{ appealToken: [] }],
  public: [],
};

const parameter = (name: string, place: ParameterObject['in'], p: Param & { json?: boolean }): ParameterObject => ({
  name,
  in: place,
  required: place === 'path' || p.required === true,
  ...(p.description && { description: p.description }),
  ...(p.json ? { content: { 'application/json': { schema: jsonSchemaOf(p.schema) } } } : { schema: jsonSchemaOf(p.schema) }),
});

const fileSchema: JsonSchema = { type: 'string', contentMediaType: 'application/octet-stream' };

function requestBody(body: Body): NonNullable<OperationObject['requestBody']> {
  if ('json' in body) return { required: body.required ?? true, content: { 'application/json': { schema: jsonSchemaOf(body.json) } } };
  const { json, requiredJson, fileSlots, description } = body.multipart;
  const properties: Record<string, JsonSchema> = {};
  const encoding: Record<string, { contentType: string }> = {};
  for (const [name, schema] of Object.entries(json)) {
    properties[name] = jsonSchemaOf(schema);
    encoding[name] = { contentType: 'application/json' };
  }
  for (const slot of fileSlots) {
    properties[slot] = { type: 'array', items: fileSchema };
    encoding[slot] = { contentType: acceptedMimeTypes.join(', ') };
  }
  return {
    required: true,
    description,
    content: {
      'multipart/form-data': { schema: { type: 'object', properties, required: [...requiredJson], additionalProperties: false }, encoding },
    },
  };
}

const answers: Record<Answer, ResponseObject['content']> = {
  object: { 'application/json': { schema: { type: 'object' } } },
  array: { 'application/json': { schema: { type: 'array', items: { type: 'object' } } } },
  empty: undefined,
  events: { 'text/event-stream': { schema: { type: 'string' } } },
  file: { 'application/octet-stream': { schema: fileSchema } },
  jpeg: { 'image/jpeg': { schema: { type: 'string', contentMediaType: 'image/jpeg' } } },
};

const headersOf = (headers: Record<string, Header>) =>
  Object.fromEntries(
    Object.entries(headers).map(([name, h]) => [name, { description: h.description, schema: jsonSchemaOf(h.schema, 'output') }]),
  );

function errorStatuses(op: Operation): number[] {
  const takesInput = Boolean(op.body || op.params || op.query || op.headers);
  const implied = [
    ...(takesInput ? [400] : []),
    ...(op.access === 'agent' ? [401, 403] : []),
    ...(op.params && op.access === 'agent' ? [404] : []),
  ];
  return [...new Set([...implied, ...(op.errors ?? [])])].sort((a, b) => a - b);
}

function operationObject(op: Operation): OperationObject {
  const responses: Record<string, ResponseObject> = {};
  for (const s of op.success) {
    const content = answers[s.answer];
    responses[String(s.status)] = {
      description: s.description,
      ...(s.headers && { headers: headersOf(s.headers) }),
      ...(content && { content }),
    };
  }
  for (const status of errorStatuses(op)) {
    responses[String(status)] = {
      description: errorDescriptions[status] ?? 'Error',
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
    };
  }
  return {
    operationId: op.operationId,
    tags: [op.tag],
    summary: op.summary,
    ...(op.description && { description: op.description }),
    security: security[op.access],
    parameters: [
      ...Object.entries(op.params ?? {}).map(([name, p]) => parameter(name, 'path', p)),
      ...Object.entries(op.query ?? {}).map(([name, p]) => parameter(name, 'query', p)),
      ...Object.entries(op.headers ?? {}).map(([name, p]) => parameter(name, 'header', p)),
    ],
    ...(op.body && { requestBody: requestBody(op.body) }),
    responses,
  };
}

const description = [
  "The helpdesk API: the public appeal form's routes, and the agent console's (docs/architecture.md).",
  "Agent routes take the session cookie that POST /api/auth/login sets; their writes are refused (403 CSRF_ORIGIN) from another site's page.",
  'List resources follow ra-data-simple-rest: `filter`, `sort` and `range` query parameters, a `Content-Range` header; a method a resource does not take answers 405.',
  'Every error is JSON `{code, message, errors?}` (components.schemas.Error).',
].join('\n\n');

/** The OpenAPI 3.1 document of these operations; request schemas come from the zod schemas the routes parse with. */
export function buildDocument(operations: readonly Operation[]): OpenApiDocument {
  const paths: OpenApiDocument['paths'] = {};
  for (const op of operations) {
    const item = (paths[op.path] ??= {});
    if (item[op.method]) throw new Error(`${op.method.toUpperCase()} ${op.path} is described twice`);
    item[op.method] = operationObject(op);
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Account-security appeals helpdesk', version: '1', description },
    tags: [...new Set(operations.map((op) => op.tag))].map((name) => ({ name })),
    paths,
    components: {
      schemas: { Error: jsonSchemaOf(errorBodySchema, 'output') },
      securitySchemes: {
        agentSession: { type: 'apiKey', in: 'cookie', name: sessionCookie, description: 'Set by POST /api/auth/login' },
        appealToken: {
          type: 'http',
          scheme: 'bearer',
          description: "The access token an appeal's filing (or a verified access code) answers with",
        },
      },
    },
  };
}
