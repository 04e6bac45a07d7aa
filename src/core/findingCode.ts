// Every finding code, once. A code is the stable name of one kind of problem: faces group and test
// by it, `vpr check --json` prints it, docs/HOSTILE_INPUTS.md lists the cases behind it. A new kind
// of finding adds its code here; a typo in a planner is a type error.
import type { ObjectivitySign } from "./objectivity/flag";
import type { ScoreProblem } from "./score";

/** The codes of one student's row of scores (core's checkRow). */
export type RowIssueCode = ScoreProblem | "score.over-max" | "score.lenient" | "score.empty" | "score.absent-in-item" | "absent.has-score" | "variant.invalid" | "variant.missing" | "row.blank";

export type FindingCode =
  | RowIssueCode
  // «Настройки»: one code per setting (`settings.school`, `settings.year`, …) and the missing school code
  | `settings.${string}`
  | "roster.class"
  | "roster.class-normalised"
  | "roster.code"
  | "roster.code-cleared"
  | "roster.code-duplicate"
  | "roster.code-grade"
  | "roster.code-invalid"
  | "roster.duplicate-code"
  | "roster.duplicate-name"
  | "roster.empty"
  | "roster.gender"
  | "roster.mark"
  | "roster.marks-ambiguous"
  | "roster.marks-missing"
  | "roster.marks-similar"
  | "roster.name-empty"
  | "roster.no-code"
  | "pool.duplicate"
  | "pool.empty"
  | "pool.invalid"
  | "pool.length"
  | "pool.not-empty"
  | "plan.class"
  | "plan.class-normalised"
  | "plan.class-unknown"
  | "plan.duplicate"
  | "plan.empty"
  | "plan.grade-mismatch"
  | "plan.sheet-clash"
  | "plan.subject-mismatch"
  | "plan.work-unknown"
  | "criteria.duplicate"
  | "criteria.extra-max"
  | "criteria.header"
  | "criteria.id"
  | "criteria.invalid"
  | "criteria.items-missing"
  | "criteria.label"
  | "criteria.level"
  | `objectivity.${ObjectivitySign}`
  | "comparison.label"
  // re-checks (workbook/recheck): the list, the scans, the protocols, the report
  | `recheck.${string}`
  // the municipal roll-up (workbook/municipal): files, rows, monitoring, observers
  | `municipal.${string}`
  | "comparison.marks"
  | "criteria.max"
  | "criteria.part"
  | "criteria.scale"
  | "catalogue.unknown"
  | "codes.pool-exhausted"
  | "header.missing"
  | "sheet.column-extra"
  | "sheet.column-missing"
  | "sheet.columns-moved"
  | "sheet.missing"
  | "sheet.not-owned"
  | "sheet.renamed"
  | "sheet.scores-missing"
  | "sheet.scores-renamed"
  | "scores.archived"
  | "scores.code-duplicate"
  | "scores.code-missing"
  | "scores.code-unknown"
  | "scores.displaced"
  | "scores.orphan-kept"
  | "scores.row-missing"
  | "scores.unplanned"
  | "protocol.name-changed"
  | "protocol.number-twice"
  | "protocol.student-left"
  | "upload.mixed-works"
  // «Журнал баллов»: changes since the upload (workbook/fingerprint)
  | "fingerprint.changed"
  | "fingerprint.row-added"
  | "fingerprint.row-deleted"
  | "fingerprint.sheet-gone"
  | "fingerprint.log-edited"
  | "fingerprint.log-not-owned"
  | "form.header-differs"
  | "form.header-extra"
  | "form.none-fits"
  | "names.code-missing"
  // Who checks whom (workbook/experts): «Эксперты» and «План»!Проверял — warnings only
  | "experts.header"
  | "experts.cell"
  | "experts.own-class"
  | "experts.experience"
  | "experts.single"
  | "experts.unknown"
  // Packets for experts and merging them back (workbook/packets)
  | "packets.none"
  | "packets.sheet-left-out"
  | "packets.row-no-code"
  | "packets.text-left-out"
  | "packets.not-packet"
  | "packets.sheet-unknown"
  | "packets.sheet-broken"
  | "packets.layout-changed"
  | "packets.code-unknown";
