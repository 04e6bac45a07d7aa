// A genuine upload form for FIS OKO, as the add-in builds it (the sample school with codes, score
// sheets and every score typed), and its blank: the same «Протокол» header without rows.
import { seededRandom } from "../../src/core";
import { FileBackend } from "../../src/workbook/file/FileBackend";
import { buildUploads, makeCodes, makeScoreSheets } from "../../src/workbook/operations";
import { sampleSchool, sampleScoreWrites, sampleWorkbookPlan } from "../../src/workbook/sample";

/** The sample school's workbook with codes, score sheets and every score typed. */
export async function scoredSample(): Promise<FileBackend> {
  const book = FileBackend.empty();
  await book.apply(sampleWorkbookPlan(sampleSchool()));
  await makeCodes(book, { random: seededRandom(3) });
  await makeScoreSheets(book);
  await book.apply({ sheets: [], cellWrites: sampleScoreWrites(await book.read(null), seededRandom(4)) });
  return book;
}

/** The grade 4 Maths form (4А and 4Б) built from the sample school: its bytes. */
export async function sampleUploadForm(): Promise<{ name: string; bytes: Uint8Array }> {
  const { files } = await buildUploads(await scoredSample());
  const file = files.find((f) => /_4_Математика\.xlsx$/.test(f.fileName))!;
  return { name: file.fileName, bytes: file.bytes };
}

/** That form with its rows cleared: a blank form as FIS OKO hands it out (header only). */
export async function blankUploadForm(): Promise<Uint8Array> {
  const form = await FileBackend.fromBytes((await sampleUploadForm()).bytes);
  const values = (await form.read(["Протокол"])).sheets["Протокол"].values;
  await form.apply({ sheets: [{ name: "Протокол", mode: "replace", values: [values[0]] }], cellWrites: [] });
  return form.toBytes();
}
