// What the commission's protocol is made of, shared by its writer (commission.ts) and its reader
// (commissionRead.ts): the sheet that describes each work, the school column, the title.
export const COMMISSION_TITLE = "Протокол комиссии по перепроверке ВПР: инструкция";
export const COMMISSION_INSTRUCTIONS_SHEET = "Инструкция";
/** One row per work: which sheet holds it, its id, subject, grade, maximum and scale. */
export const COMMISSION_WORKS_SHEET = "Работы";
export const COMMISSION_WORKS_HEADER = ["Лист", "Работа", "Предмет", "Параллель", "Максимум", "«3» от", "«4» от", "«5» от"] as const;
/**
 * Codes repeat across schools, so each row names its school — after the score sheet's own columns,
 * where the score sheet's formulas (written from column A) are not disturbed.
 */
export const SCHOOL_HEADER = "Школа";
export const COMMISSION_CREATOR = "ВПР: координатор";
