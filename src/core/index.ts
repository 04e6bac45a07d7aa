// The domain core: pure TypeScript, no Office, no DOM, no ExcelJS. See README.md.
export * from "./address";
export * from "./formulaShift";
export * from "./result";
export * from "./findingCode";
export * from "./work";
export * from "./catalogue";
export * from "./header";
export * from "./score";
export * from "./mark";
export * from "./validate";
export * from "./random";
export * from "./codes";
export * from "./text";
export * from "./scan";
export * from "./upload";
export * from "./analysis";
export * from "./objectivity";
