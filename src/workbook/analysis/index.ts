// Results analysis in the workbook (docs/ANALYSIS.md).
export * from "./analysisData";
export * from "./analysisSheets";
export * from "./analysisJson";
export * from "./planAnalysis";
export * from "./analyze";
