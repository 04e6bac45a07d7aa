// Signs of possibly non-objective results (docs/OBJECTIVITY.md).
export * from "./flag";
export * from "./reference";
export * from "./journalMismatch";
export * from "./boundaryPeak";
export * from "./highResults";
export * from "./itemAnomaly";
export * from "./objectivityFlags";
