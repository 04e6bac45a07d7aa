// The re-check sample (выборка для перепроверки): which works a region or municipality re-checks,
// reproducible from the seed it records. No names: schools by code, students by code.

/** One drawn work. */
export interface SampleEntry {
  /** The school's 6-digit code (Код ОО). */
  school: string;
  workId: string;
  subject: string;
  grade: number;
  class: string;
  code: number;
  /** The variant written (the first part's for two-part works). */
  variant: number;
}

/** How the sample was drawn: at least `percent` % of all works drawn from and/or at least `min` per subject × grade (all when fewer). */
export interface SampleRule {
  percent: number | null;
  min: number | null;
  /** "works": works drawn one by one, stratified across schools and classes; "classes": whole classes. */
  by: "works" | "classes";
  /** Schools or classes with objectivity signs weighted up. */
  weighted: boolean;
}

export interface RecheckSample {
  seed: number;
  rule: SampleRule;
  sample: SampleEntry[];
}

// The scan file of a drawn work is `scanFileName` in ../scan.ts: `<Код ОО>_<код>_вар.<вариант>.pdf`.

/** The columns of the sample as a sheet («Выборка») and in the school's checklist. */
export const SAMPLE_HEADER = ["Школа", "Работа", "Предмет", "Параллель", "Класс", "Код", "Вариант"] as const;
