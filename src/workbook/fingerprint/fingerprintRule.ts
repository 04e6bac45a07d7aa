// The check's rule «changes since the upload»: every change to a score row after its form was
// uploaded, and a log edited by hand — warnings, each with the form it concerns.
import type { Finding, FindingCode } from "../../core";
import type { CheckRule } from "../checkRule";
import type { FindingScope } from "../forms";
import { compareWithLog, type FingerprintChange } from "./changes";
import { CHANGE_ADVICE, changeText, sinceUpload } from "./changeText";
import { readFingerprint } from "./readFingerprint";

const CODES: Record<FingerprintChange["kind"], FindingCode> = {
  score: "fingerprint.changed",
  variant: "fingerprint.changed",
  added: "fingerprint.row-added",
  deleted: "fingerprint.row-deleted",
};

export const fingerprintRule: CheckRule = {
  id: "fingerprint",
  findings({ snapshot, sheets }) {
    const log = readFingerprint(snapshot);
    const out: { finding: Finding; scope: FindingScope }[] = [];
    if (log.sheet && !log.seal.holds && log.seal.problem) {
      const message = `${log.seal.problem.message}: сравнение с загрузкой может быть неверным. Если журнал правили намеренно, удалите лист «${log.sheet}» — следующая загрузка начнёт его заново`;
      out.push({ finding: { sheet: log.sheet, cell: log.seal.problem.cell, severity: "warning", code: "fingerprint.log-edited", message }, scope: "all" });
    }
    const changes = compareWithLog(snapshot, log, sheets);
    const gone = new Map<string, FingerprintChange[]>();
    for (const c of changes) {
      const scope: FindingScope = [{ grade: c.grade, subject: c.subject }];
      if (c.kind === "deleted" && c.sheetGone) {
        const key = `${c.grade}|${c.subject}|${c.className}`;
        gone.set(key, [...(gone.get(key) ?? []), c]);
        continue;
      }
      out.push({ finding: { sheet: c.sheet, cell: c.cell, severity: "warning", code: CODES[c.kind], message: `${changeText(c)}: ${CHANGE_ADVICE}` }, scope });
    }
    for (const list of gone.values()) {
      const c = list[0];
      const message = `${sinceUpload(c)} нет листа для баллов класса ${c.className} (${c.subject}): в загрузке был лист «${c.sheet}», строк — ${list.length}. Верните лист или строку плана; если класс убран верно, сформируйте форму заново и загрузите её в ФИС ОКО`;
      out.push({ finding: { sheet: c.sheet, cell: "A1", severity: "warning", code: "fingerprint.sheet-gone", message }, scope: [{ grade: c.grade, subject: c.subject }] });
    }
    return out;
  },
};
