import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

/**
 * The web's feature folders (issue 10): a feature imports its own files, the shared pieces (`src/web/app`,
 * `src/web/shared`), the contract and the domain, never another feature. Pages that put several features together
 * live in `src/web/app/pages`.
 */
const WEB_FEATURES = ['assessment', 'audit', 'auth', 'compare', 'field', 'funds', 'ledger', 'members', 'mutual-aid', 'orgs', 'pairing', 'procedures', 'quality', 'regions', 'registry'];
const NOT_SERVER = { group: ['**/server/**', 'drizzle-orm*', 'pg', '@electric-sql/*', 'fastify*', 'node:*'], message: '浏览器代码不能引用服务端模块' };

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'data', 'src/server/db/migrations', 'bench/.work', '.tmp'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': 'off',
    },
  },
  ...WEB_FEATURES.map((feature) => ({
    files: [`src/web/${feature}/**/*.{ts,tsx}`],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            NOT_SERVER,
            {
              group: WEB_FEATURES.filter((other) => other !== feature).flatMap((other) => [`../${other}/*`, `../../${other}/*`, `../../web/${other}/*`]),
              message: `web/${feature} 不能引用其他功能的模块：共用的放在 src/web/shared，组合多个功能的页面放在 src/web/app/pages`,
            },
          ],
        },
      ],
    },
  })),
  {
    files: ['src/web/app/**/*.{ts,tsx}', 'src/web/shared/**/*.{ts,tsx}', 'src/web/*.{ts,tsx}'],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    rules: { 'no-restricted-imports': ['error', { patterns: [NOT_SERVER] }] },
  },
  {
    // The contract is bundled into the browser: zod, its own files and the domain only.
    files: ['src/contract/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [NOT_SERVER, { group: ['**/web/**'], message: '契约不能引用页面代码' }] }] },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['**/server/**', '**/web/**', 'drizzle-orm*', 'pg', '@electric-sql/*'] }],
    },
  },
);
