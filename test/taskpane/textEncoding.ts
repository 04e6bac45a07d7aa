// jsdom has no TextEncoder/TextDecoder; the file back end (code lists and forms read in jsdom tests)
// needs them when its modules load. Import this first.
import { TextDecoder, TextEncoder } from "node:util";

Object.assign(globalThis, { TextEncoder, TextDecoder });
