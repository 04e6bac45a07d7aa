// A folder chosen in the browser (`webkitdirectory`) as the scan check's entries: the files right in
// it, with their first bytes (a PDF's `%PDF-`), and each subfolder once as a folder — the browser
// gives every file of the tree, the check wants what lies in the folder itself.
import type { ScanEntry } from "../workbook/recheck/scans";

const HEAD = 1024;

export async function scanEntries(files: readonly File[]): Promise<ScanEntry[]> {
  const out: ScanEntry[] = [];
  const folders = new Set<string>();
  for (const f of files) {
    // "сканы/файл.pdf" → in the folder; "сканы/старые/файл.pdf" → in the subfolder «старые».
    const parts = (f.webkitRelativePath || f.name).split("/");
    if (parts.length > 2) {
      folders.add(parts[1]);
      continue;
    }
    out.push({ name: f.name, size: f.size, isFile: true, head: new Uint8Array(await f.slice(0, HEAD).arrayBuffer()) });
  }
  for (const name of folders) out.push({ name, size: 0, isFile: false });
  return out;
}
