// ESLint (flat config): typescript-eslint with type information everywhere, React's hooks rules and
// jsx-a11y for the renderer. Formatting is Prettier's job (.prettierrc.json), not ESLint's.
import js from '@eslint/js'
import jsxA11y from 'eslint-plugin-jsx-a11y'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  { ignores: ['out/', 'dist/', 'node_modules/', '.electron-native/', 'tests/fixtures/', 'resources/icons/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['*.js', 'resources/*.ts', 'resources/build/*.d.mts'] },
        tsconfigRootDir: import.meta.dirname
      },
      globals: { ...globals.node }
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      // Store actions and api functions are closures declared with method syntax in their
      // interfaces; none of them uses `this`, so passing them around unbound is how they are meant to be used.
      '@typescript-eslint/unbound-method': 'off'
    }
  },
  {
    // A list spread into a call's arguments overflows the stack from ~100,000 items ("Maximum call
    // stack size exceeded": undoing a whole-view change did, in restoreStatus). Loop instead; a spread
    // of a list with a small known bound carries an eslint-disable naming that bound.
    files: ['src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'CallExpression[callee.property.name=/^(push|unshift|fromCharCode|fromCodePoint|max|min)$/] > SpreadElement',
          message:
            'A spread into arguments overflows the stack for big lists: loop (or name the bound in an eslint-disable).'
        }
      ]
    }
  },
  {
    // Tests read untyped JSON (CLI output, HTTP replies, page state) and assert on its shape; fakes
    // of async interfaces are async without awaiting.
    files: ['tests/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/require-await': 'off'
    }
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}', 'tests/component/**/*.{ts,tsx}'],
    ...jsxA11y.flatConfigs.recommended,
    languageOptions: { ...jsxA11y.flatConfigs.recommended.languageOptions, globals: { ...globals.browser } }
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}', 'tests/component/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' }
  },
  {
    // Plain scripts (build hooks, the CLI launcher): not part of a TypeScript project.
    files: ['**/*.cjs', '**/*.mjs', '**/*.js'],
    ...tseslint.configs.disableTypeChecked
  },
  {
    // electron-builder loads its hooks with require(): CommonJS is the format they must be in.
    files: ['**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' }
  }
)
