// The workspace's ESLint flat config. Rules are chosen for the defects they catch, not for style: Prettier owns
// layout, so nothing here argues about whitespace.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The config for one package.
 * @param {{ tsconfigRootDir: string, project: string[] }} options tsconfigs that together cover every linted file
 */
export function packageConfig({ tsconfigRootDir, project }) {
  return tseslint.config(
    { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '**/*.d.ts', '**/*.d.cts'] },
    js.configs.recommended,
    ...tseslint.configs.recommendedTypeChecked,
    {
      languageOptions: { parserOptions: { project, tsconfigRootDir } },
      rules: {
        // A promise nobody awaits loses its error: the service must never drop a failure silently.
        '@typescript-eslint/no-floating-promises': 'error',
        '@typescript-eslint/no-misused-promises': 'error',
        // Type-only imports are erased; marking them keeps ESM output free of accidental runtime imports.
        '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
        '@typescript-eslint/no-import-type-side-effects': 'error',
        '@typescript-eslint/no-unused-vars': [
          'error',
          { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
        ],
        '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
        eqeqeq: ['error', 'always', { null: 'ignore' }],
        // Adapters implement async interfaces (Kysely's driver, the Store port) with bodies that happen to be
        // synchronous; an async without await is no defect there.
        '@typescript-eslint/require-await': 'off',
      },
    },
    {
      // Plain JavaScript (benchmarks, configs) is not covered by a tsconfig: lint it without type information.
      files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
      extends: [tseslint.configs.disableTypeChecked],
      languageOptions: { globals: globals.node },
    },
    {
      // Tests poke at values with deliberately loose types (hostile input, parsed JSON); the unsafe-* family
      // would only add noise there.
      files: ['**/*.test.ts', 'test/**/*.ts'],
      rules: {
        '@typescript-eslint/no-unsafe-assignment': 'off',
        '@typescript-eslint/no-unsafe-member-access': 'off',
        '@typescript-eslint/no-unsafe-call': 'off',
        '@typescript-eslint/no-unsafe-argument': 'off',
        '@typescript-eslint/no-unsafe-return': 'off',
        // Test servers take async request handlers whose failures fail the test anyway.
        '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
      },
    },
  );
}
