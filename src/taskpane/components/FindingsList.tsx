// Problems found in the workbook, grouped by sheet, each with its cell and Russian message. In
// Excel a line selects its cell; in web mode the list can be copied or saved as .txt. The list
// (./FindingsListView.tsx) is a chunk of its own (./lazyPart.tsx).
import type { FindingsListProps } from "./FindingsListView";
import { lazyPart } from "./lazyPart";

export type { FindingsListProps };

export const FindingsList = lazyPart(() => import(/* webpackChunkName: "findings" */ "./FindingsListView").then((m) => m.FindingsList));
