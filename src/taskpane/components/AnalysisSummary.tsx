// The analysis summary, drawn by a chunk of its own (./lazyPart.tsx): see ./AnalysisSummaryView.tsx.
import { lazyPart } from "./lazyPart";

export const AnalysisSummary = lazyPart(() => import(/* webpackChunkName: "analysis-summary" */ "./AnalysisSummaryView").then((m) => m.AnalysisSummary));
