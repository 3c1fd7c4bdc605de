// ESLint flat config: TypeScript's recommended rules plus the project's import boundaries
// (scripts/eslint-boundaries.mjs). Formatting is Prettier's (`npm run lint` runs both).
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import yj from './scripts/eslint-boundaries.mjs';

export default tseslint.config(
  { ignores: ['dist/**', 'data/**', 'node_modules/**', 'src/db/migrations/**', '.bench-data/**', 'reports/**', '.stryker-tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { yj, 'react-hooks': reactHooks },
    rules: {
      'yj/boundaries': 'error',
      ...reactHooks.configs.recommended.rules,
      // `any` is allowed for now at the HTTP and driver edges; responses must still not be z.any() (architecture test).
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // The input guard and file-name cleaning match control characters on purpose.
      'no-control-regex': 'off',
      // Chinese typography uses the ideographic space (U+3000) in printed text.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true, skipJSXText: true }],
      '@typescript-eslint/no-unused-expressions': ['error', { allowShortCircuit: true, allowTernary: true }],
      // Screen size comes from web/lib/screens.ts: antd's hook renders the phone layout first on a desk.
      'no-restricted-properties': [
        'error',
        { object: 'Grid', property: 'useBreakpoint', message: 'Use useScreens() from src/web/lib/screens.ts.' },
      ],
    },
  },
);
