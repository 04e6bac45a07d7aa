// What the pane's jsdom tests share: rendering the pane with its providers, finding a step,
// counting finished runs, pressing a button and waiting for its run, and the DOM pieces jsdom lacks.
import "@testing-library/jest-dom";
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { preloadLazyParts } from "../../src/taskpane/components/lazyPart";
import { Pane } from "../../src/taskpane/components/Pane";
import { I18nContext } from "../../src/taskpane/i18n";
import type { PaneOperations } from "../../src/taskpane/operations";
import { ru, type Language } from "../../src/taskpane/strings";
import { en } from "../../src/taskpane/strings.en";
import type { MemoryBackend } from "./memoryBackend";

export function renderPane(backend: MemoryBackend, operations: PaneOperations, mode: "excel" | "web" = "excel", language: Language = "ru") {
  return render(
    <I18nContext.Provider value={{ language, strings: language === "en" ? en : ru, setLanguage: () => undefined }}>
      <FluentProvider theme={webLightTheme}>
        <Pane mode={mode} backend={backend} operations={operations} />
      </FluentProvider>
    </I18nContext.Provider>,
  );
}

export const step = (id: string) => document.querySelector(`[data-step="${id}"]`) as HTMLElement;
export const runs = () => Number(document.querySelector("[data-runs]")?.getAttribute("data-runs"));

/** Press a button and wait until its run has finished; the pane's message, if any. */
export async function click(name: string): Promise<string> {
  const before = runs();
  fireEvent.click(screen.getByRole("button", { name }));
  await waitFor(() => expect(runs()).toBeGreaterThan(before));
  return screen.queryByTestId("message")?.textContent ?? "";
}

/**
 * jsdom has no ResizeObserver (Fluent's MessageBar watches its width) and no object URLs (downloads).
 * And the pane's lazily loaded parts (dialogs, findings, forms) are loaded first, as the entry does
 * once the first screen is drawn, so that tests see them drawn in the same render.
 */
export function installDomShims(): Promise<void> {
  (globalThis as { ResizeObserver?: unknown }).ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
  URL.createObjectURL = jest.fn(() => "blob:test");
  URL.revokeObjectURL = jest.fn();
  return preloadLazyParts();
}
