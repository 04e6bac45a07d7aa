// Results analysis: per work, class and grade (docs/ANALYSIS.md).
export * from "./resultRow";
export * from "./thresholds";
export * from "./statistics";
export * from "./workStatistics";
