// Re-checks (перепроверка): the sample and, later, the discrepancies (docs/RECHECK.md).
export * from "./sampleList";
export * from "./draw";
export * from "./discrepancy";
