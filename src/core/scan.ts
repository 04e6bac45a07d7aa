// File names of scanned works sent for re-check: <school>_<code>_вар.<variant>.pdf.

export type ScanNameResult = { ok: true; value: string } | { ok: false; message: string };

export function scanFileName(school: unknown, code: unknown, variant: unknown): ScanNameResult {
  const s = String(school ?? "").trim();
  const c = String(code ?? "").trim();
  const v = String(variant ?? "").trim();
  if (!/^\d{6}$/.test(s)) return { ok: false, message: `код ОО «${s}» должен состоять из 6 цифр` };
  if (!/^\d{1,9}$/.test(c)) return { ok: false, message: `код участника «${c}» должен состоять из цифр` };
  if (!/^\d{1,2}$/.test(v) || Number(v) < 1) return { ok: false, message: `вариант «${v}» должен быть номером варианта, например 1` };
  return { ok: true, value: `${s}_${c}_вар.${Number(v)}.pdf` };
}
