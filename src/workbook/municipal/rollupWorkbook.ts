// The roll-up workbook «Свод» of a municipality: «Мониторинг», «Статистика», «Признаки»,
// «Наблюдатели», «Файлы» — a new workbook built from nothing (../file/newWorkbook.ts), each sheet
// print-ready (A4 landscape, fitted to the width) with native charts. Figures and codes; the only
// names are the observers' on their sheet, the municipality's own list.
import type { NewWorkbookPlan } from "../backend";
import { filesSheet } from "./rollupFiles";
import { monitoringSheet } from "./rollupMonitoring";
import { observersSheet } from "./rollupObservers";
import type { RollupData } from "./rollupData";
import { signsSheet } from "./rollupSigns";
import { statisticsSheet } from "./rollupStatistics";

export const ROLLUP_TITLE = "ВПР: свод по муниципалитету";

export function rollupWorkbook(data: RollupData): NewWorkbookPlan {
  return {
    sheets: [monitoringSheet(data), statisticsSheet(data), signsSheet(data), observersSheet(data), filesSheet(data)],
    properties: { title: data.title ?? ROLLUP_TITLE, creator: "ВПР: координатор" },
  };
}
