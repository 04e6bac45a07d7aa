// The fake Excel API is typed against @types/office-js (the note at the top of ./fakeExcel.ts):
// each object it hands to the back end `satisfies` its View, `Modelled<Excel.X, "member" | …>`.
//
// The first half is type-level and checked by `npm run typecheck` (tsc --noEmit includes test/;
// jest only transpiles): each `@ts-expect-error` line is a fake member that drifts from the
// documented API the way a fake can (another parameter type, a narrower one, a required one, a
// missing overload, a wrong return, a member Excel lacks, a wrong property type, an unannotated
// getter). If the rule stopped catching any of them, the directive would be unused and the type
// check would fail. The second half checks at run time what the typing made the fake fix.

import {
  createFakeExcel,
  type ChartSeriesView,
  type ChartView,
  type ChartsView,
  type FakeExcel,
  type FreezePanesView,
  type Modelled,
  type PageBreakView,
  type RangeFontView,
  type RangeView,
  type RequestContextView,
  type WorksheetView,
  type WorksheetsView,
} from "./fakeExcel";

const range = null as unknown as RangeView;
const sheet = null as unknown as WorksheetView;
const pageBreak = null as unknown as PageBreakView;
/** Like the fake's own: a getter of a write-only property throws and takes the type it is given. */
function notLoaded<T>(): T {
  throw new Error("PropertyNotLoaded");
}

// ---- a fake member that drifts from the documented API does not compile

export const _anotherParameterType = {
  // @ts-expect-error Worksheet.getRange takes an address (string), not a number
  getRange: (address?: number): RangeView => (address === undefined ? range : range),
} satisfies Modelled<Excel.Worksheet, "getRange", { getRange: RangeView }>;

export const _narrowerParameter = {
  // @ts-expect-error WorksheetFreezePanes.freezeAt takes a Range or an address: the fake must accept both (and may refuse a Range at run time)
  freezeAt: (address: string): void => void address,
} satisfies Modelled<Excel.WorksheetFreezePanes, "freezeAt">;

export const _requiredWhereOptional = {
  // @ts-expect-error WorksheetCollection.add(name?) may be called without a name
  add: (name: string): WorksheetView => (name ? sheet : sheet),
} satisfies Modelled<Excel.WorksheetCollection, "add", { add: WorksheetView }>;

export const _missingOverload = {
  // @ts-expect-error Range.load also takes load options ({ select, expand } or RangeLoadOptions), not only names
  load: (names?: string | string[]): RangeView => (names ? range : range),
} satisfies Modelled<Excel.Range, "load", { load: RangeView }>;

export const _wrongReturn = {
  // @ts-expect-error PageBreakCollection.add returns the new PageBreak, not nothing
  add: (cell: Excel.Range | string): void => void cell,
  removePageBreaks: (): void => undefined,
} satisfies Modelled<Excel.PageBreakCollection, "add" | "removePageBreaks", { add: PageBreakView }>;

export const _wrongObjectHandedOut = {
  // @ts-expect-error Worksheet.getRange hands out a Range: a view of freeze panes is not what the real one returns
  getRange: (address?: string): FreezePanesView => (address ? (null as unknown as FreezePanesView) : (null as unknown as FreezePanesView)),
} satisfies Modelled<Excel.Worksheet, "getRange", { getRange: FreezePanesView }>;

export const _memberExcelLacks = {
  get values(): unknown[][] {
    return notLoaded();
  },
  // @ts-expect-error Excel.Range has no member "hyperlinks" (it is "hyperlink")
  hyperlinks: null,
} satisfies Modelled<Excel.Range, "values">;

export const _rangeNotAddress = {
  // @ts-expect-error ChartSeries.setValues takes a Range: a fake that takes an address does not accept one
  setValues: (sourceData: string): void => void sourceData,
} satisfies Modelled<Excel.ChartSeries, "setValues">;

// @ts-expect-error only members of the real interface can be named as modelled
export type _ModelledMemberExcelLacks = Modelled<Excel.Range, "hyperlinks">;

export const _modelledButMissing = {
  get values(): unknown[][] {
    return notLoaded();
  },
  // @ts-expect-error a member named in the View must be there
} satisfies Modelled<Excel.Range, "values" | "formulas">;

export const _wrongPropertyType = {
  // @ts-expect-error RangeFont.bold is a boolean
  get bold(): string {
    return notLoaded();
  },
} satisfies Pick<RangeFontView, "bold">;

export const _unannotatedGetter = {
  // @ts-expect-error a getter must state the real type; unannotated, notLoaded() is `unknown`
  get size() {
    return notLoaded();
  },
} satisfies Pick<RangeFontView, "size">;

// The right ones compile: the documented signatures, overloads and all.
export const _documented = {
  freezeAt: (at: Excel.Range | string): void => void at,
  freezeRows: (count = 1): void => void count,
  freezeColumns: (count?: number): void => void count,
  unfreeze: (): void => undefined,
} satisfies FreezePanesView;
export const _documentedAdd = {
  add: (cell: Excel.Range | string): PageBreakView => (cell ? pageBreak : pageBreak),
  removePageBreaks: (): void => undefined,
} satisfies Modelled<Excel.PageBreakCollection, "add" | "removePageBreaks", { add: PageBreakView }>;

// ---- the real objects fit the fake's views; the views are not the real objects

export const _realFitsViews: [RequestContextView, WorksheetsView, WorksheetView, RangeView, FreezePanesView, PageBreakView] = null as unknown as [
  Excel.RequestContext,
  Excel.WorksheetCollection,
  Excel.Worksheet,
  Excel.Range,
  Excel.WorksheetFreezePanes,
  Excel.PageBreak,
];
export const _realFitsChartViews: [ChartsView, ChartView, ChartSeriesView] = null as unknown as [Excel.ChartCollection, Excel.Chart, Excel.ChartSeries];
// @ts-expect-error a view models only part of the real interface (were it `any`, this would compile)
export const _viewIsNotReal: Excel.Range = range;
/** The fake's run is a drop-in for Excel.run. */
export const _run: FakeExcel["run"] = null as unknown as typeof Excel.run;

// ---- at run time: what the typing made the fake fix

describe("the fake follows the documented API", () => {
  test("the context hands out only the members it models; sync passes a value through", async () => {
    const fake = createFakeExcel();
    fake.workbook.addSheet("Л");
    await fake.run(async (ctx) => {
      expect(() => (ctx as unknown as { queue: unknown }).queue).toThrow(/NotModelled/);
      expect(() => (ctx as unknown as { book: unknown }).book).toThrow(/NotModelled/);
      expect(() => ctx.trackedObjects).toThrow(/NotModelled/);
      await expect(ctx.sync("passed")).resolves.toBe("passed");
    });
  });

  test("load returns the same strict object, not a lenient one", async () => {
    const fake = createFakeExcel();
    fake.workbook.addSheet("Л", [[1]]);
    await fake.run(async (ctx) => {
      const worksheets = ctx.workbook.worksheets.load("items/name");
      const ws = ctx.workbook.worksheets.getItem("Л").load("name");
      const r = ws.getRange("A1").load("values");
      expect(() => r.hyperlink).toThrow(/NotModelled/);
      expect(() => ws.visibility).toThrow(/NotModelled/);
      expect(() => worksheets.getCount).toThrow(/NotModelled/);
      await ctx.sync();
      expect(r.values).toEqual([[1]]);
      expect(ws.name).toBe("Л");
      expect(worksheets.items.map((w) => w.name)).toEqual(["Л"]);
      expect(() => (worksheets.items[0] as unknown as { _loaded: unknown })._loaded).toThrow(/NotModelled/);
    });
  });

  test("horizontalPageBreaks.add returns the new page break (whose members are not modelled)", async () => {
    const fake = createFakeExcel();
    fake.workbook.addSheet("Л");
    await fake.run(async (ctx) => {
      const pb = ctx.workbook.worksheets.getItem("Л").horizontalPageBreaks.add("A13");
      expect(() => pb.getCellAfterBreak).toThrow(/NotModelled/);
      await ctx.sync();
    });
    expect(fake.workbook.sheet("Л").pageBreaksAfterRows()).toEqual([12]);
  });

  test("a documented Range argument the fake does not model is refused when passed, as not modelled", async () => {
    const fake = createFakeExcel();
    fake.workbook.addSheet("Л");
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Л");
      const r = ws.getRange("A1:B2");
      expect(() => ws.freezePanes.freezeAt(r)).toThrow(/NotModelled: freezeAt takes an address/);
      expect(() => ws.pageLayout.setPrintArea(r)).toThrow(/NotModelled/);
      expect(() => ws.pageLayout.setPrintTitleRows(r)).toThrow(/NotModelled/);
      expect(() => ws.horizontalPageBreaks.add(r)).toThrow(/NotModelled/);
      expect(() => ws.getRange("A1").autoFill(r)).toThrow(/NotModelled/);
      ws.freezePanes.freezeAt("A1:B2");
      await ctx.sync();
    });
    expect(fake.workbook.sheet("Л").frozenRows).toBe(2);
  });

  test("charts: add takes the fake's own Range; a null chart's delete does nothing, anything else on it fails", async () => {
    const fake = createFakeExcel();
    fake.workbook.addSheet("Л", [[1], [2]]);
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Л");
      expect(() => ws.charts.add("ColumnClustered", {} as Excel.Range)).toThrow(/NotModelled/);
      const chart = ws.charts.add("ColumnClustered", ws.getRange("A1:A2"), "Columns");
      chart.name = "Моя";
      expect(() => chart.series.getItemAt(0).format.fill.setSolidColor).not.toThrow();
      expect(() => (chart as unknown as { dataLabels: unknown }).dataLabels).toThrow(/NotModelled/);
      ws.charts.getItemOrNullObject("нет такой").delete();
      await ctx.sync();
      const charts = ws.charts.load("items/name");
      await ctx.sync();
      expect(charts.items.map((c) => c.name)).toEqual(["Моя"]);
      ws.charts.getItemOrNullObject("нет такой").title.text = "x";
      await expect(ctx.sync()).rejects.toThrow(/InvalidOperation/);
    });
    expect(fake.workbook.sheet("Л").charts.map((c) => [c.name, c.series[0].values])).toEqual([["Моя", "Л!A1:A2"]]);
  });
});
