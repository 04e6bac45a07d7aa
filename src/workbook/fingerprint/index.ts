// «Журнал баллов»: the fingerprint of uploaded scores (docs/OBJECTIVITY.md).
// What the faces and the analysis use; the check's rule is listed in ../checkRules.ts.
export { FINGERPRINT_SHEET_KIND, LOG_HEADER, LOG_SHEET, isLogSheetName } from "./logSheet";
export { readFingerprint, lastUploaded, type FingerprintLog, type LogEntry, type LogSeal } from "./readFingerprint";
export { changesSinceUpload, compareWithLog, fingerprintChangeCount, type FingerprintChange } from "./changes";
export { changeText, shownDate } from "./changeText";
export { planFingerprint, type FingerprintRecord } from "./record";
export { fingerprintRule } from "./fingerprintRule";
export { fnv1a64 } from "./hash";
