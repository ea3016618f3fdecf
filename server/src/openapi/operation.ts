import type { z } from 'zod';

export type Method = 'get' | 'post' | 'put' | 'delete';

/** Who may call: a signed-in agent (session cookie), anyone, or the customer holding an appeal's access token. */
export type Access = 'agent' | 'public' | 'appealToken';

export type Param = { schema: z.ZodType; description?: string; required?: boolean };

/** A multipart/form-data body: JSON parts (each a string holding JSON) and file parts named by material slot. */
export type MultipartBody = {
  json: Record<string, z.ZodType>;
  requiredJson: readonly string[];
  fileSlots: readonly string[];
  description: string;
};

export type Body = { json: z.ZodType; required?: boolean } | { multipart: MultipartBody };

/** What a success answers: a JSON object, a JSON array, nothing, a server-sent event stream, a file, a JPEG. */
export type Answer = 'object' | 'array' | 'empty' | 'events' | 'file' | 'jpeg';

export type Header = { description: string; schema: z.ZodType };

export type Success = { status: number; description: string; answer: Answer; headers?: Record<string, Header> };

/** One method on one path, as the Express app answers it; `path` is written the OpenAPI way (`/api/tickets/{id}`). */
export type Operation = {
  method: Method;
  path: string;
  operationId: string;
  tag: string;
  summary: string;
  description?: string;
  access: Access;
  params?: Record<string, Param>;
  query?: Record<string, Param & { json?: boolean }>;
  headers?: Record<string, Param>;
  body?: Body;
  success: readonly Success[];
  /** Besides those every such operation may answer (400 for input, 401 and 403 for agents, 404 for a path id). */
  errors?: readonly number[];
};
