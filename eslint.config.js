import js from "@eslint/js";
import jsxA11y from "eslint-plugin-jsx-a11y";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

// The code's own rules (formatting is Prettier's): TypeScript's recommended checks, the rules of
// hooks, and jsx-a11y's accessibility checks. Import boundaries are dependency-cruiser's
// (.dependency-cruiser.cjs). `npm run lint` runs all three.
export default tseslint.config(
  {
    ignores: [
      "app/generated/**",
      "build/**",
      ".react-router/**",
      "test-results/**",
      "playwright-report/**",
      "data/**",
      ".e2e/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  jsxA11y.flatConfigs.recommended,
  {
    plugins: { "react-hooks": reactHooks },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
    },
  },
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      // `const { secret: _secret, ...shown } = row` leaves out a field on purpose.
      // Tailwind's reset removes list markers, and with them Safari's list semantics: role="list" gives them back.
      "jsx-a11y/no-redundant-roles": ["error", { ul: ["list"], ol: ["list"] }],
      // A label's text often sits two spans deep (a title and a hint beside the box it labels).
      "jsx-a11y/label-has-associated-control": ["error", { depth: 4 }],
      "@typescript-eslint/no-unused-vars": [
        "error",
        {
          argsIgnorePattern: "^_",
          varsIgnorePattern: "^_",
          destructuredArrayIgnorePattern: "^_",
          ignoreRestSiblings: true,
        },
      ],
    },
  },
  // Playwright's fixtures call `use`, which is not React's.
  { files: ["tests/e2e/**"], rules: { "react-hooks/rules-of-hooks": "off" } },
);
