// @ts-check
// Flat ESLint config. Formatting belongs to Prettier: eslint-config-prettier comes last.
import Module, { createRequire } from 'node:module';
import js from '@eslint/js';
import prettier from 'eslint-config-prettier/flat';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';

// The project compiles with TypeScript 7 (native `tsc`), which ships no JavaScript compiler API, and
// typescript-eslint 8 needs the TypeScript 6 API (peer range <6.1). So `require('typescript')` made
// from typescript-eslint's own packages and ts-api-utils is answered with `@typescript/typescript6`,
// Microsoft's side-by-side package; nothing else is redirected. (package.json's
// `"overrides": { "typescript": "$typescript" }` only quiets npm's peer check.) Remove both once
// typescript-eslint supports TypeScript 7: typescript-eslint/typescript-eslint#10940.
const require = createRequire(import.meta.url);
const typescript6 = require.resolve('@typescript/typescript6');
const needsTypescript6 = /[\\/]node_modules[\\/](?:@typescript-eslint[\\/]|typescript-eslint[\\/]|ts-api-utils[\\/])/;
// @ts-expect-error -- Module._resolveFilename is internal (untyped) but long-standing
const resolveFilename = Module._resolveFilename;
// @ts-expect-error -- see above
Module._resolveFilename = function (request, parent, ...rest) {
  if (parent?.filename && needsTypescript6.test(parent.filename)) {
    if (request === 'typescript') return typescript6;
    if (request.startsWith('typescript/')) request = `@typescript/typescript6/${request.slice('typescript/'.length)}`;
  }
  return resolveFilename.call(this, request, parent, ...rest);
};
const { default: tseslint } = await import('typescript-eslint');

// `_name` marks a deliberately unused binding (omitted by rest destructuring, positional parameter).
const unusedVars = [
  'error',
  {
    argsIgnorePattern: '^_',
    varsIgnorePattern: '^_',
    caughtErrorsIgnorePattern: '^_',
    destructuredArrayIgnorePattern: '^_',
    ignoreRestSiblings: true,
  },
];

// import-x parses imported files too, to follow the graph; they are TypeScript, resolved via tsconfig.json.
const { 'import-x/resolver': _legacyResolver, ...importSettings } = importX.flatConfigs.typescript.settings;

export default defineConfig(
  globalIgnores([
    '**/dist/',
    '**/node_modules/',
    'coverage/',
    'test-results/',
    'uploads/',
    'data/',
    'server/src/generated/',
    'prisma/**/migrations/',
  ]),

  js.configs.recommended,
  {
    rules: {
      'no-unused-vars': unusedVars,
      // The control characters are the point: these regexes strip or reject them in untrusted input.
      'no-control-regex': 'off',
    },
  },

  // Not the type-checked set: it costs ~4x the CPU of the whole lint on this 2-core machine
  // (126 s vs ~35 s of eslint CPU time); `tsc` already type-checks in `npm test`.
  {
    files: ['**/*.{ts,tsx,mts,cts}'],
    extends: [tseslint.configs.recommended],
    rules: {
      'no-unused-vars': 'off',
      '@typescript-eslint/no-unused-vars': unusedVars,
    },
  },

  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: { ...globals.node } },
  },

  {
    files: ['admin-ui/**/*.{ts,tsx}'],
    extends: [reactHooks.configs.flat.recommended],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      // A missing effect dependency is a stale-closure bug unless said otherwise, in a comment.
      'react-hooks/exhaustive-deps': 'error',
      // React Compiler rules that only matter when the compiler rewrites components; this app does not
      // use it. `refs` flags the deliberate "latest value in a ref" idiom, `purity` flags Date.now() in
      // render-time validation, `set-state-in-effect` flags resetting an error flag before a fetch.
      // The compiler's other rules (immutability, globals, static-components, ...) stay on.
      'react-hooks/refs': 'off',
      'react-hooks/purity': 'off',
      'react-hooks/set-state-in-effect': 'off',
    },
  },

  {
    files: ['server/src/**/*.ts', 'admin-ui/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      ...importSettings,
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },

  prettier,
);
