// School settings (code, name, year, the X letter, days to keep works and protocols) written to
// «Настройки» by saveSettings. The form (./SettingsFormView.tsx, with Fluent's Input, Field and
// RadioGroup) is a chunk of its own (./lazyPart.tsx).
import type { SettingsFormProps } from "./SettingsFormView";
import { lazyPart } from "./lazyPart";

export type { SettingsFormProps };

export const SettingsForm = lazyPart(() => import(/* webpackChunkName: "settings-form" */ "./SettingsFormView").then((m) => m.SettingsForm));
