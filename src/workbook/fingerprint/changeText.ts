// A change since the upload in Russian, naming sheet and cell: one sentence for the check, the
// upload's report, the CLI and the pane.
import type { FingerprintChange } from "./changes";

/** yyyy-mm-dd → dd.mm.yyyy; anything else as it is. */
export const shownDate = (iso: string): string => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : iso;
};

const value = (v: string): string => (v === "" ? "пусто" : v);

/** «после загрузки 20.05.2026 (№ 1)». */
export const sinceUpload = (c: Pick<FingerprintChange, "upload">): string => `после загрузки ${shownDate(c.upload.date)} (№ ${c.upload.number})`;

export function changeText(c: FingerprintChange): string {
  const where = c.cell ? `лист «${c.sheet}», ячейка ${c.cell}` : `лист «${c.sheet}»`;
  switch (c.kind) {
    case "score":
      return `${sinceUpload(c)} изменён балл: ${where}, код ${c.code}, задание ${c.item}: было ${value(c.old)}, стало ${value(c.new)}`;
    case "variant":
      return `${sinceUpload(c)} изменён вариант: ${where}, код ${c.code}, «${c.item}»: было ${value(c.old)}, стало ${value(c.new)}`;
    case "added":
      return `${sinceUpload(c)} добавлена строка: ${where}, код ${c.code}${c.new ? ` (${c.new})` : ""} — в загруженной форме её нет`;
    case "deleted":
      return c.sheetGone
        ? `${sinceUpload(c)} нет листа для баллов класса ${c.className} (в загрузке — «${c.sheet}»): строка с кодом ${c.code}${c.old ? ` (${c.old})` : ""} была в форме`
        : `${sinceUpload(c)} удалена строка: на листе «${c.sheet}» нет кода ${c.code}, а в загруженной форме он был${c.old ? ` (${c.old})` : ""}${c.logCell ? `; запись — ${c.logCell}` : ""}`;
  }
}

/** The closing advice of the check's warnings. */
export const CHANGE_ADVICE = "если исправление верное, сформируйте форму заново и загрузите её в ФИС ОКО";
