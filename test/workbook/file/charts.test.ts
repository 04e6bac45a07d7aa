// Native charts in files (SheetPlan.charts): one drawing part per sheet, a chart part per chart,
// caches that show without recalculation, the old ones of a replaced sheet gone without a trace,
// and other programs' charts untouched. What the parts must hold is checked here on the XML; that
// the charts really draw is checked by LibreOffice (charts.libreoffice.test.ts).
import JSZip from "jszip";
import type { NewWorkbookPlan, WritePlan } from "../../../src/workbook/backend";
import { FileBackend } from "../../../src/workbook/file/FileBackend";
import { buildNewWorkbook } from "../../../src/workbook/file/newWorkbook";
import { parseXml, child, type XmlElement } from "../../../src/workbook/file/package/xml";
import { CORPUS, corpusBytes } from "../../corpus/books";
import { bytesEqual, contentTypes, packageProblems, reachableFrom, relationships, sheetEntry, unzipParts, type Parts } from "../../corpus/compareParts";
import { CHARTS, SHEET, chartSheet } from "./charts.fixture";
import { expectedValues } from "./helpers";

const decoder = new TextDecoder();
const text = (parts: Parts, name: string): string => decoder.decode(parts.get(name)!);
/** "A4:A14" → "'Анализ 4А'!$A$4:$A$14", as the chart refers to it. */
const absolute = (range: string): string => `'${SHEET}'!${range.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2")}`;

const plan = (mode: "create" | "replace", charts = CHARTS): WritePlan => ({ sheets: [chartSheet(mode, charts)], cellWrites: [] });

async function applied(start: Uint8Array | null, ...plans: WritePlan[]): Promise<{ backend: FileBackend; bytes: Uint8Array }> {
  const backend = start ? await FileBackend.fromBytes(start) : FileBackend.empty();
  for (const p of plans) await backend.apply(p);
  return { backend, bytes: await backend.toBytes() };
}

/** Every descendant element with this local name, depth first. */
function all(el: XmlElement, local: string): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement) => {
    if (e.local === local) out.push(e);
    e.children.forEach(walk);
  };
  walk(el);
  return out;
}

/** The drawing part of a sheet and the chart parts it points at, in anchor order. */
function chartsOf(parts: Parts, sheet: string): { drawing: string; charts: string[] } | null {
  const entry = sheetEntry(parts, sheet)!;
  const drawing = relationships(parts, entry.part).find((r) => r.type.endsWith("/drawing"));
  if (!drawing) return null;
  const rels = relationships(parts, drawing.part);
  const frames = all(parseXml(text(parts, drawing.part)), "chart");
  return { drawing: drawing.part, charts: frames.map((f) => rels.find((r) => r.id === f.attrs["r:id"])!.part) };
}

/** No part the package cannot reach, no relationship to a missing part, no Override for a missing part. */
function danglingProblems(parts: Parts): string[] {
  const problems: string[] = [];
  const reached = reachableFrom(parts, "");
  for (const name of parts.keys()) {
    if (name === "[Content_Types].xml" || name.endsWith(".rels")) continue;
    if (!reached.has(name)) problems.push(`${name}: nothing refers to it`);
  }
  for (const name of parts.keys()) {
    if (!name.endsWith(".rels")) continue;
    const source = name.replace(/(^|\/)_rels\/([^/]*)\.rels$/, "$1$2");
    if (source !== "" && !parts.has(source)) problems.push(`${name}: relationships of a missing part`);
    for (const r of relationships(parts, source)) if (!r.external && !parts.has(r.part)) problems.push(`${name}: ${r.id} → missing ${r.part}`);
  }
  for (const part of contentTypes(parts).overrides.keys()) if (!parts.has(part)) problems.push(`[Content_Types].xml: Override for missing ${part}`);
  return problems;
}

describe("charts in the file back end", () => {
  test("a sheet with charts: one drawing, a chart part each, content types, <drawing> after the page setup", async () => {
    const { bytes } = await applied(null, plan("create"));
    const parts = await unzipParts(bytes);
    const found = chartsOf(parts, SHEET)!;
    expect(found.charts).toHaveLength(CHARTS.length);
    const types = contentTypes(parts).overrides;
    expect(types.get(found.drawing)).toBe("application/vnd.openxmlformats-officedocument.drawing+xml");
    for (const c of found.charts) expect(types.get(c)).toBe("application/vnd.openxmlformats-officedocument.drawingml.chart+xml");

    const sheet = text(parts, sheetEntry(parts, SHEET)!.part);
    const root = parseXml(sheet);
    const order = root.children.map((c) => c.local);
    expect(order.indexOf("drawing")).toBeGreaterThan(order.indexOf("pageSetup"));
    expect(order[order.length - 1]).toBe("drawing");

    // Anchors: the plan's cells, the `to` cell covered.
    const anchors = all(parseXml(text(parts, found.drawing)), "twoCellAnchor");
    expect(anchors).toHaveLength(CHARTS.length);
    anchors.forEach((a, i) => {
      const at = (tag: string) => {
        const el = child(a, tag)!;
        return { row: Number(child(el, "row")!.text), col: Number(child(el, "col")!.text) };
      };
      expect(at("from")).toEqual(CHARTS[i].anchor.from);
      expect(at("to")).toEqual({ row: CHARTS[i].anchor.to.row + 1, col: CHARTS[i].anchor.to.col + 1 });
    });
    expect(danglingProblems(parts)).toEqual([]);
  });

  test("each chart part: kind, grouping, overlap, title, axis titles, maximum, legend, colours, references and caches", async () => {
    const { bytes } = await applied(null, plan("create"));
    const parts = await unzipParts(bytes);
    const xml = chartsOf(parts, SHEET)!.charts.map((c) => parseXml(text(parts, c)));
    const val = (el: XmlElement | undefined) => el?.attrs.val;
    const [overlap, stacked, bar, line] = xml;

    for (const [i, root] of xml.entries()) {
      const chart = child(root, "chart")!;
      expect(all(child(chart, "title")!, "t").map((t) => t.text)).toEqual([CHARTS[i].title]);
      expect(val(child(chart, "autoTitleDeleted"))).toBe("0");
      expect(child(chart, "legend") !== undefined).toBe(CHARTS[i].series.length > 1);
      const sers = all(root, "ser");
      expect(sers.map((s) => child(child(s, "tx")!, "v")!.text)).toEqual(CHARTS[i].series.map((s) => s.name));
      sers.forEach((s, j) => {
        expect(child(child(child(s, "cat")!, "strRef")!, "f")!.text).toBe(absolute(CHARTS[i].categories));
        expect(child(child(child(s, "val")!, "numRef")!, "f")!.text).toBe(absolute(CHARTS[i].series[j].values));
        const color = CHARTS[i].series[j].color;
        const fills = all(s, "srgbClr").map((c) => `#${c.attrs.val}`);
        // An uncoloured series gets Office's palette colour for its place (LibreOffice draws nothing without one).
        if (color) expect(fills).toContain(color);
        else expect(fills).toContain(["#4472C4", "#ED7D31"][j]);
      });
    }

    const bc = (root: XmlElement) => all(root, "barChart")[0];
    expect(val(child(bc(overlap), "barDir"))).toBe("col");
    expect(val(child(bc(overlap), "grouping"))).toBe("clustered");
    expect(val(child(bc(overlap), "overlap"))).toBe("100");
    expect(val(child(bc(stacked), "grouping"))).toBe("stacked");
    expect(val(child(bc(stacked), "overlap"))).toBe("100");
    expect(val(child(bc(bar), "barDir"))).toBe("bar");
    expect(all(line, "lineChart")).toHaveLength(1);
    expect(all(line, "barChart")).toHaveLength(0);

    // Axis titles and the fixed maximum.
    const axisTitle = (root: XmlElement, ax: string) => all(all(root, ax)[0], "t").map((t) => t.text);
    expect(axisTitle(overlap, "catAx")).toEqual(["Первичный балл"]);
    expect(axisTitle(overlap, "valAx")).toEqual(["Учеников"]);
    expect(axisTitle(bar, "valAx")).toEqual(["% выполнения"]);
    expect(val(all(all(bar, "valAx")[0], "max")[0])).toBe("100");
    expect(all(overlap, "max")).toHaveLength(0);

    // Caches: the categories' text and the values, formula results included (N4:N9 is a formula block).
    const cache = (root: XmlElement, kind: "cat" | "val", ser = 0) => {
      const c = child(all(root, "ser")[ser], kind)!;
      const pts = all(c, "pt");
      return { count: Number(all(c, "ptCount")[0].attrs.val), pts: pts.map((p) => [Number(p.attrs.idx), child(p, "v")!.text]) };
    };
    expect(cache(overlap, "cat")).toEqual({ count: 11, pts: Array.from({ length: 11 }, (_, i) => [i, String(i)]) });
    // «2» has scores 0–3 only: the rest are gaps, so one bar per score shows.
    expect(cache(overlap, "val").pts).toEqual([[0, "0"], [1, "1"], [2, "1"], [3, "2"]]);
    expect(cache(bar, "val")).toEqual({ count: 6, pts: [92, 81, 64, 55, 38, 20].map((v, i) => [i, String(v)]) });
    expect(cache(line, "val", 0).pts.map((p) => p[1])).toEqual(["88", "85", "60", "58", "45", "30"]);
  });

  test("the reader reads the sheet back unchanged; a sheet without charts gets no drawing", async () => {
    const { backend, bytes } = await applied(null, { sheets: [chartSheet("create"), { ...chartSheet("create"), name: "Без диаграмм", charts: [] }], cellWrites: [] });
    const snap = await backend.read([SHEET, "Без диаграмм"]);
    expect(snap.sheets[SHEET].values).toEqual(expectedValues(chartSheet("create")));
    const again = await (await FileBackend.fromBytes(bytes)).read([SHEET]);
    expect(again.sheets[SHEET].values).toEqual(expectedValues(chartSheet("create")));
    const parts = await unzipParts(bytes);
    expect(chartsOf(parts, "Без диаграмм")).toBeNull();
    expect(text(parts, sheetEntry(parts, "Без диаграмм")!.part)).not.toContain("<drawing");
  });

  test("a new workbook (upload files) carries its charts too", async () => {
    const { mode: _mode, ...sheet } = chartSheet("create");
    const nw: NewWorkbookPlan = { sheets: [sheet], properties: {} };
    const parts = await unzipParts(await buildNewWorkbook(nw));
    expect(chartsOf(parts, SHEET)!.charts).toHaveLength(CHARTS.length);
    expect(danglingProblems(parts)).toEqual([]);
  });

  test("replacing the sheet with fewer charts: the old drawing and charts go, nothing dangles, every other part keeps its bytes", async () => {
    const first = (await applied(null, plan("create"), { sheets: [{ name: "Другой", mode: "create", values: [["x"]] }], cellWrites: [] })).bytes;
    const before = await unzipParts(first);
    const old = chartsOf(before, SHEET)!;
    const fewer = plan("replace", [CHARTS[2]]);
    const after = await unzipParts((await applied(first, fewer)).bytes);
    const now = chartsOf(after, SHEET)!;
    expect(now.charts).toHaveLength(1);
    for (const p of [old.drawing, ...old.charts]) {
      if (p === now.drawing || now.charts.includes(p)) continue;
      expect([p, after.has(p)]).toEqual([p, false]);
    }
    const chartParts = [...after.keys()].filter((n) => /^xl\/(charts|drawings)\//.test(n) && !n.includes("_rels"));
    expect(chartParts.sort()).toEqual([now.drawing, ...now.charts].sort());
    expect(danglingProblems(after)).toEqual([]);
    expect(packageProblems(before, after, [fewer])).toEqual([]);

    // And with no charts at all: no drawing, no charts, no <drawing>.
    const none = plan("replace", []);
    const bare = await unzipParts((await applied(first, none)).bytes);
    expect([...bare.keys()].filter((n) => /^xl\/(charts|drawings)\//.test(n))).toEqual([]);
    expect(text(bare, sheetEntry(bare, SHEET)!.part)).not.toContain("<drawing");
    expect(danglingProblems(bare)).toEqual([]);
    expect(packageProblems(before, bare, [none])).toEqual([]);
  });

  test("replacing twice in one process (the cached backend) and from bytes gives the same parts", async () => {
    const { backend } = await applied(null, plan("create"));
    await backend.apply(plan("replace", [CHARTS[0], CHARTS[1]]));
    await backend.apply(plan("replace", [CHARTS[3]]));
    const parts = await unzipParts(await backend.toBytes());
    expect(chartsOf(parts, SHEET)!.charts).toHaveLength(1);
    expect([...parts.keys()].filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n))).toHaveLength(1);
    expect(danglingProblems(parts)).toEqual([]);
    expect((await backend.read([SHEET])).sheets[SHEET].values).toEqual(expectedValues(chartSheet("replace")));
  });

  test("a chart part another sheet's drawing still uses is kept when our sheet is replaced", async () => {
    const { bytes } = await applied(null, plan("create"), { sheets: [{ name: "Свой", mode: "create", values: [["мой лист"]] }], cellWrites: [] });
    // Another program points a drawing on «Свой» at our first chart part.
    const zip = await JSZip.loadAsync(bytes);
    const parts = await unzipParts(bytes);
    const shared = chartsOf(parts, SHEET)!.charts[0];
    const own = sheetEntry(parts, "Свой")!.part;
    const ownName = own.split("/").pop()!;
    zip.file("xl/drawings/drawing99.xml", text(parts, chartsOf(parts, SHEET)!.drawing).replace(/r:id="rId\d+"/g, 'r:id="rId1"'));
    zip.file("xl/drawings/_rels/drawing99.xml.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart" Target="../charts/${shared.split("/").pop()}"/></Relationships>`);
    zip.file(`xl/worksheets/_rels/${ownName}.rels`, `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawing99.xml"/></Relationships>`);
    zip.file(own, text(parts, own).replace("</worksheet>", '<drawing r:id="rId1"/></worksheet>'));
    const ct = text(parts, "[Content_Types].xml").replace("</Types>", '<Override PartName="/xl/drawings/drawing99.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/></Types>');
    zip.file("[Content_Types].xml", ct);
    const edited = new Uint8Array(await zip.generateAsync({ type: "uint8array" }));

    const after = await unzipParts((await applied(edited, plan("replace", []))).bytes);
    expect(after.has(shared)).toBe(true);
    expect(bytesEqual(after.get(shared)!, (await unzipParts(edited)).get(shared)!)).toBe(true);
    expect(contentTypes(after).overrides.has(shared)).toBe(true);
    expect(danglingProblems(after)).toEqual([]);
  });

  test("a foreign workbook with its own chart: that chart and drawing keep their bytes; ours take the next numbers", async () => {
    const book = CORPUS.find((b) => b.id === "chart")!;
    const original = await corpusBytes(book);
    const before = await unzipParts(original);
    expect(before.has("xl/charts/chart1.xml") && before.has("xl/drawings/drawing1.xml")).toBe(true);
    const create = plan("create");
    const once = await applied(original, create);
    const mid = await unzipParts(once.bytes);
    expect(packageProblems(before, mid, [create])).toEqual([]);
    const ours = chartsOf(mid, SHEET)!;
    expect(ours.drawing).not.toBe("xl/drawings/drawing1.xml");
    expect(ours.charts).not.toContain("xl/charts/chart1.xml");

    const replace = plan("replace", [CHARTS[0]]);
    const after = await unzipParts((await applied(once.bytes, replace)).bytes);
    for (const p of ["xl/charts/chart1.xml", "xl/drawings/drawing1.xml", "xl/drawings/_rels/drawing1.xml.rels"]) {
      expect([p, bytesEqual(before.get(p)!, after.get(p)!)]).toEqual([p, true]);
    }
    expect(packageProblems(mid, after, [replace])).toEqual([]);
    expect(packageProblems(before, after, [create, replace])).toEqual([]);
    expect(danglingProblems(after)).toEqual([]);
    expect(chartsOf(after, "Численность")!.charts).toEqual(["xl/charts/chart1.xml"]);
  });
});
