// The API's contract, one module for the server, the console and their test mocks: the status machine, the request
// schemas, the lists' filter and sort names and the records the console reads. The public form imports only the
// zod-free parts by path (statuses.ts, validators.ts, ownerCodes.ts) so its bundle carries no zod.
export * from './auth';
export * from './decisions';
export * from './evidence';
export * from './lists';
export * from './messages';
export * from './oneOf';
export * from './ownerCodes';
export * from './presence';
export * from './public';
export type * from './records';
export * from './reveal';
export * from './statuses';
export * from './tickets';
export * from './validators';
export * from './version';
