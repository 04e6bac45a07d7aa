// «Журнал баллов» never travels: with the log in the workbook (and an edit after the first upload),
// no part of any upload file — built from nothing or filled into the official blank — holds the
// log's name, its headers or any of its hashes.
import { FileBackend } from "../../src/workbook/file/FileBackend";
import { LOG_SHEET } from "../../src/workbook/fingerprint";
import { buildUploads, type BuiltFile } from "../../src/workbook/operations";
import { editScore, scored } from "../helpers/fingerprint";
import { privacyScan, scanFileName } from "../helpers/privacyScan";
import { blankUploadForm } from "../helpers/uploadForm";

async function hits(files: BuiltFile[], terms: string[]) {
  const out = [];
  for (const f of files) out.push(...scanFileName(f.fileName, terms), ...(await privacyScan(f.bytes, terms)));
  return out;
}

test("no upload file carries the log: not its name, headers, seal or hashes", async () => {
  const b = FileBackend.empty();
  await scored(b);
  const first = await buildUploads(b, [], { today: "2026-05-20" });
  await editScore(b);
  const second = await buildUploads(b, [], { today: "2026-05-21" });
  const official = await buildUploads(b, [await blankUploadForm()], { today: "2026-05-22" });
  expect(official.files.length).toBeGreaterThan(0);
  const log = (await b.read([LOG_SHEET])).sheets[LOG_SHEET].values;
  const hashes = log.slice(1).map((r) => String(r[9]));
  expect(hashes.length).toBeGreaterThan(100);
  const terms = [LOG_SHEET, "Хеш строки", "Печать журнала", String(log[0][12]), ...hashes];
  expect(await hits([...first.files, ...second.files, ...official.files], terms)).toEqual([]);
  // The scan does find them where they are: in the coordinator's workbook.
  expect((await privacyScan(await b.toBytes(), [LOG_SHEET, hashes[0]])).length).toBeGreaterThan(0);
});
