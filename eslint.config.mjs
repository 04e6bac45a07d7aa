// ESLint 9 flat config: typescript-eslint "recommended" for src and test, plus the Office add-in
// rules from eslint-plugin-office-addins (its own "recommended" preset also enforces prettier,
// which we do not want, so the plugin is registered and its rules are listed here).
import tseslint from "typescript-eslint";
import officeAddins from "eslint-plugin-office-addins";

export default tseslint.config(
  {
    ignores: ["dist/**", "node_modules/**", "coverage/**", "bench/results*/**", "test-artifacts/**", ".tmp/**"],
  },
  {
    files: ["src/**/*.{ts,tsx}", "test/**/*.{ts,tsx}"],
    extends: [tseslint.configs.recommended],
    plugins: { "office-addins": officeAddins },
    rules: {
      // Office.js: one sync per batch, never one per loop iteration (see DESIGN.md).
      "office-addins/no-context-sync-in-loop": "error",
      "office-addins/call-sync-before-read": "error",
      "office-addins/load-object-before-read": "error",
      "office-addins/test-for-null-using-isNullObject": "error",
      "office-addins/no-empty-load": "warn",
      "office-addins/no-navigational-load": "warn",
      "office-addins/no-office-initialize": "warn",
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_" },
      ],
      "@typescript-eslint/no-explicit-any": "warn",
      "no-eval": "error",
    },
  },
  {
    // Tests may use non-null assertions, require() and loose typing freely.
    files: ["test/**/*.{ts,tsx}"],
    rules: {
      "@typescript-eslint/no-explicit-any": "off",
      "@typescript-eslint/no-non-null-assertion": "off",
      "@typescript-eslint/no-require-imports": "off",
    },
  },
);
