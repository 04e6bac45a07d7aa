// Browser bundle of the strict fake Excel (test/fakes/fakeExcel.ts) for the Excel-mode browser
// test: built by webpack in the test's setup and injected before the pane loads.
import { createFakeExcel } from "../fakes/fakeExcel";

(window as unknown as { VprFake: unknown }).VprFake = { createFakeExcel };
