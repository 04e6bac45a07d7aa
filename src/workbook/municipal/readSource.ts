// One file of a municipality read into participant rows: an upload form of ours, an official form
// filled by others, or a FIS OKO results export (2021 or 2020 layout). The sheet is streamed row by
// row (file/reader/sheetRows.ts): only the rows kept stay in memory, never the workbook's grid.
// Every problem is named with file, sheet and cell; none stops the other rows. Browser-safe.
import { UPLOAD_SHEET, cellAddress, codeRangeForGrade, readCode, sameSheetName, type WorkDefinition } from "../../core";
import { MAX_STORED_SCORE, MAX_STORED_VARIANT, ParticipantRows, type ParticipantRow, type SourceFile, type SourceKind } from "../../core/municipal";
import type { CellValue } from "../backend";
import { headerKey } from "../contract";
import { UnreadableWorkbookError } from "../file/errors";
import { PRODUCT_NAME } from "../file/package/blankPackage";
import { readWorkbook } from "../file/package/workbookPart";
import { XlsxPackage } from "../file/package/XlsxPackage";
import { readContext } from "../file/reader/readWorkbook";
import { STOP_ROWS, readSheetRows } from "../file/reader/sheetRows";
import { utf8Chunks } from "../file/reader/utf8Chunks";
import { readClassName, readGender, readJournal, readSchoolLogin, readScore, readVariant } from "./sourceCells";
import { sourceColumns, type SourceColumns } from "./sourceColumns";
import { LeftOutCounter, type LeftOut, type SourceProblem } from "./sourceProblem";
import { parseExportFileName, parseFormFileName } from "./workFromFileName";

export interface SourceOptions {
  /** The school code of forms whose file name does not say it. */
  school?: string;
  /** Subject and grade of files whose name does not say them (exports, official forms). */
  subject?: string;
  grade?: number;
  /** Works of «Критерии» (`--criteria FILE`): the maxima of exports, else the data gives them. */
  criteria?: readonly WorkDefinition[];
}

/** A file read: its rows, what was wrong in it and how many rows were left out and why. */
export interface ReadSource extends SourceFile {
  rows: ParticipantRows;
  sheet: string;
  problems: SourceProblem[];
  leftOut: LeftOut[];
}

export type SourceResult = { ok: true; source: ReadSource } | { ok: false; file: string; problems: SourceProblem[] };

/** Header rows are looked for this far down (a title row or two above the header, no more). */
const HEADER_ROWS = 5;

const kindName: Record<SourceKind, string> = { form: "форма", "official-form": "официальная форма", export: "выгрузка ФИС ОКО" };

export async function readSource(file: string, bytes: Uint8Array, options: SourceOptions = {}): Promise<SourceResult> {
  const fail = (code: string, message: string, place: { sheet?: string; cell?: string } = {}): SourceResult => ({ ok: false, file, problems: [{ severity: "error", code: `municipal.${code}`, file, ...place, message: `файл «${file}»${place.sheet ? `, лист «${place.sheet}»` : ""}${place.cell ? `, ячейка ${place.cell}` : ""}: ${message}` }] });
  try {
    const pkg = await XlsxPackage.open(bytes);
    const info = await readWorkbook(pkg);
    const ctx = await readContext(pkg, info);
    const ours = (await pkg.text("docProps/core.xml"))?.includes(`<dc:creator>${PRODUCT_NAME}</dc:creator>`) ?? false;
    // «Протокол» first (every form has it), then the other sheets in tab order (an export has one).
    const sheets = [...info.sheets.filter((s) => sameSheetName(s.name, UPLOAD_SHEET)), ...info.sheets.filter((s) => !sameSheetName(s.name, UPLOAD_SHEET))];
    for (const s of sheets) {
      if (!s.part) continue;
      // In pieces: the sheet's text is never one string (utf8Chunks.ts).
      const bytes = await pkg.partPieces(s.part);
      if (bytes === null) continue;
      const reader = new SheetSource(file, s.name, ours, options);
      await readSheetRows(utf8Chunks(bytes), ctx, (row, values) => reader.row(row, values));
      if (reader.failure) return fail(reader.failure.code, reader.failure.message, { sheet: s.name, cell: reader.failure.cell });
      if (reader.found) return { ok: true, source: reader.finish() };
    }
    return fail("not-a-form", `ни на одном листе нет заголовка формы («Код | Вариант | 1 (1б) | … | Класс») или выгрузки ФИС ОКО («логин школы | … | код обучающегося | … | балл за 1») в первых ${HEADER_ROWS} строках — файл пропущен`);
  } catch (e) {
    const why = e instanceof UnreadableWorkbookError ? e.message : `файл повреждён (${e instanceof Error ? e.message : String(e)}).`;
    return fail("unreadable", `не открывается — ${why} Файл пропущен, остальные прочитаны.`);
  }
}

/** The file's own name: files of a folder walk carry their subfolder («780101/780101_4_…»). */
const baseName = (file: string): string => file.slice(file.lastIndexOf("/") + 1);

/** The reading of one sheet: its header (in the first rows), then every row after it. */
class SheetSource {
  found = false;
  failure: { code: string; message: string; cell?: string } | null = null;
  private cols!: SourceColumns;
  private kind: SourceKind = "export";
  private school: string | null = null;
  private subject = "";
  private grade = 0;
  private maxima: (number | null)[] = [];
  private readonly maxSeen: number[] = [];
  private rows!: ParticipantRows;
  private readonly problems: SourceProblem[] = [];
  private readonly left = new LeftOutCounter();
  private readonly seen = new Set<string>();
  private range: [number, number] | null = null;

  constructor(
    private readonly file: string,
    private readonly sheet: string,
    private readonly ours: boolean,
    private readonly options: SourceOptions,
  ) {}

  private problem(severity: "error" | "warning", code: string, message: string, row: number, col?: number): void {
    const cell = col === undefined ? undefined : cellAddress(row, col);
    const where = cell ? `ячейка ${cell}` : `строка ${row + 1}`;
    this.problems.push({ severity, code: `municipal.${code}`, file: this.file, sheet: this.sheet, row: row + 1, ...(cell ? { cell } : {}), message: `файл «${this.file}», лист «${this.sheet}», ${where}: ${message}` });
  }

  row(row: number, values: CellValue[]): void | typeof STOP_ROWS {
    if (!this.found) {
      if (row >= HEADER_ROWS) return STOP_ROWS;
      const cols = sourceColumns(values);
      if (!cols) return;
      this.found = true;
      this.cols = cols;
      return this.header(row, cols);
    }
    this.participant(row, values);
  }

  private header(row: number, cols: SourceColumns): void | typeof STOP_ROWS {
    const o = this.options;
    if (cols.layout === "form") {
      this.kind = this.ours ? "form" : "official-form";
      const named = parseFormFileName(baseName(this.file));
      this.school = named?.school ?? o.school ?? null;
      this.grade = named?.grade ?? o.grade ?? 0;
      this.subject = named?.subject ?? o.subject ?? "";
      if (!this.school || !this.grade || !this.subject) {
        this.failure = { code: "file-name", cell: cellAddress(row, 0), message: `это ${kindName[this.kind]}, но имя файла не похоже на «<код ОО>_<параллель>_<предмет>.xlsx» (например «780999_4_Математика.xlsx») и ${this.school ? "параллель и предмет не заданы" : "код ОО не задан"} — не понять, чья это работа; файл пропущен` };
        return STOP_ROWS;
      }
      // Our codes are numbered per grade (core/codes.ts); an official form may carry FIS OKO's own.
      if (this.kind === "form") this.range = codeRangeForGrade(this.grade);
    } else {
      this.kind = "export";
      const named = parseExportFileName(baseName(this.file));
      this.grade = named?.grade ?? o.grade ?? 0;
      this.subject = named?.subject ?? o.subject ?? "";
      if (!this.grade || !this.subject) {
        this.failure = { code: "file-name", cell: cellAddress(row, 0), message: `это выгрузка ФИС ОКО, но из имени файла не понять предмет и класс (ожидается вроде «Проведение работы по математике, 4 класс. ВПР 2021.xlsx») и они не заданы — файл пропущен` };
        return STOP_ROWS;
      }
      if (cols.school.length === 0) {
        this.failure = { code: "no-school-column", cell: cellAddress(row, 0), message: `в выгрузке нет столбца «логин школы» — строки не связать со школами; файл пропущен` };
        return STOP_ROWS;
      }
    }
    this.rows = new ParticipantRows(this.subject, this.grade, cols.items.length, 1024);
    this.maxima = cols.items.map((it) => it.max);
    if (cols.layout !== "form") this.maximaFromCriteria(row);
    for (const n of cols.names) {
      this.problem("error", "name-column", `столбец «${n.header}» похож на ФИО — в файлах для муниципалитета не должно быть ни одного имени! Столбец не прочитан; удалите его (и сам файл, если он разослан) и попросите прислать файл без ФИО`, row, n.col);
    }
  }

  /** Exports carry no maxima: «Критерии» of the same subject and grade give them when their items match. */
  private maximaFromCriteria(row: number): void {
    const work = this.options.criteria?.find((w) => w.grade === this.grade && headerKey(w.subject) === headerKey(this.subject));
    if (!work) return;
    const labels = this.cols.items.map((it) => it.label);
    if (work.items.length !== labels.length) {
      this.problem("warning", "criteria-mismatch", `в «Критериях» у работы «${work.id}» ${work.items.length} заданий, а в файле ${labels.length} — максимумы взяты из данных`, row);
      return;
    }
    this.maxima = work.items.map((it) => it.max);
  }

  private participant(row: number, values: CellValue[]): void {
    const cols = this.cols;
    const code = readCode(values[cols.code] ?? null);
    if (code === null) {
      const typed = values[cols.code] ?? null;
      this.left.add("нет кода участника");
      this.problem("warning", "no-code", typed === null ? "в строке нет кода участника — строка пропущена" : `«${String(typed)}» не код участника — строка пропущена`, row, cols.code);
      return;
    }
    let school = this.school;
    if (school === null) {
      for (const c of cols.school) if ((school = readSchoolLogin(values[c] ?? null)) !== null) break;
      if (school === null) {
        this.left.add("нет логина школы");
        this.problem("warning", "no-school", `код ${code}: «${String(values[cols.school[0]] ?? "")}» не логин школы (sch и 6 цифр) — строка пропущена`, row, cols.school[0]);
        return;
      }
    }
    const key = `${school}|${code}`;
    if (this.seen.has(key)) {
      this.left.add("повтор кода");
      this.problem("warning", "code-duplicate", `код ${code} ${this.school ? "" : `школы ${school} `}уже встречался выше — строка пропущена (прочитана первая)`, row, cols.code);
      return;
    }
    this.seen.add(key);
    if (this.range && (code < this.range[0] || code > this.range[1])) {
      this.problem("warning", "code-range", `код ${code} вне кодов ${this.grade} класса (${this.range[0]}–${this.range[1]}) — проверьте, не из другой ли параллели работа`, row, cols.code);
    }
    let absent = false;
    let variant: number | null = null;
    for (const c of cols.variants) {
      const v = readVariant(values[c] ?? null);
      if (v === "absent") absent = true;
      else if (typeof v === "number" && v <= MAX_STORED_VARIANT) variant ??= v;
      else if (typeof v === "number") this.problem("warning", "variant", `код ${code}: «${v}» не номер варианта`, row, c);
      else if (v !== null) this.problem("warning", "variant", `код ${code}: «${v.text}» не номер варианта`, row, c);
    }
    const scores: (number | null)[] = new Array<number | null>(cols.items.length).fill(null);
    let typed = false;
    if (!absent) {
      cols.items.forEach((it, i) => {
        const s = readScore(values[it.col] ?? null);
        if (s === null) return;
        if (typeof s !== "number" || s > MAX_STORED_SCORE) {
          this.problem("warning", "score-text", `код ${code}, задание ${it.label}: «${typeof s === "number" ? s : s.text}» не балл — не учтён`, row, it.col);
          return;
        }
        typed = true;
        const max = this.maxima[i];
        if (max !== null && s > max) {
          this.problem("error", "score-over-max", `код ${code}, задание ${it.label}: балл ${s} больше максимума ${max} — не учтён`, row, it.col);
          return;
        }
        if (!(s <= this.maxSeen[i])) this.maxSeen[i] = s;
        scores[i] = s;
      });
      if (variant === null && !typed) {
        this.left.add("ничего не записано (ни варианта, ни баллов)");
        return;
      }
    }
    let journal: ParticipantRow["journal"] = null;
    if (cols.journal >= 0) {
      const j = readJournal(values[cols.journal] ?? null);
      if (typeof j === "object" && j !== null) this.problem("warning", "journal", `код ${code}: «${j.text}» не отметка 2–5 — отметка не учтена`, row, cols.journal);
      else journal = j;
    }
    this.rows.push({
      school,
      className: cols.className >= 0 ? readClassName(values[cols.className] ?? null, this.grade) : null,
      code,
      variant,
      absent,
      scores,
      journal,
      gender: cols.gender >= 0 ? readGender(values[cols.gender] ?? null) : null,
    });
  }

  finish(): ReadSource {
    const fromData = this.maxima.some((m) => m === null);
    const items = this.cols.items.map((it, i) => ({ label: it.label, max: this.maxima[i] ?? this.maxSeen[i] ?? 0 }));
    if (fromData) {
      this.problems.push({ severity: "warning", code: "municipal.max-from-data", file: this.file, sheet: this.sheet, message: `файл «${this.file}», лист «${this.sheet}»: максимальные баллы заданий не известны и взяты из данных (наибольший балл в файле: ${items.map((it) => `${it.label} — ${it.max}`).join(", ")}); дайте книгу с листом «Критерии», где есть эта работа, чтобы проверить баллы выше максимума` });
    }
    this.rows.trim();
    return { file: this.file, kind: this.kind, subject: this.subject, grade: this.grade, items, rows: this.rows, sheet: this.sheet, problems: this.problems, leftOut: this.left.list() };
  }
}
