/**
 * @jest-environment jsdom
 */
// Offline checks of manifest.xml (no Microsoft validation service needed) and of the production
// copy dist/manifest.xml. Needs a build: `npm run build` (npm test runs it before jest).
import * as fs from "fs";
import * as path from "path";

const ROOT = path.resolve(__dirname, "..");
const DIST = path.join(ROOT, "dist");
const DEV_URL = "https://localhost:3000/";
const PROD_URL = "https://vpr-coordinator.example.ru/"; // urlProd in webpack.config.js
const BT = "http://schemas.microsoft.com/office/officeappbasictypes/1.0";

function requireDist(): void {
  if (!fs.existsSync(path.join(DIST, "manifest.xml"))) {
    throw new Error("dist/ is missing or incomplete: run `npm run build` first (npm test does it for you)");
  }
}

function parse(xml: string): Document {
  const doc = new DOMParser().parseFromString(xml, "application/xml");
  const err = doc.getElementsByTagName("parsererror")[0];
  if (err) throw new Error(`manifest is not well-formed XML: ${err.textContent}`);
  return doc;
}

const all = (doc: Document | Element): Element[] => Array.from(doc.getElementsByTagName("*"));
const src = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const doc = parse(src);
const root = doc.documentElement;

/** Elements with this local name, whatever their namespace. */
function byName(name: string, scope: Document | Element = doc): Element[] {
  return all(scope).filter((e) => e.localName === name);
}
function resource(id: string): Element {
  const found = all(doc).filter((e) => e.namespaceURI === BT && e.getAttribute("id") === id && e.parentElement?.namespaceURI === BT);
  expect(found).toHaveLength(1);
  return found[0];
}
function ruOverride(e: Element): string | null {
  const o = Array.from(e.children).find((c) => c.localName === "Override" && c.getAttribute("Locale") === "ru-RU");
  return o ? o.getAttribute("Value") : null;
}

describe("manifest.xml", () => {
  test("is a task-pane add-in for Excel with a GUID id and en-US default locale", () => {
    expect(root.localName).toBe("OfficeApp");
    expect(root.getAttributeNS("http://www.w3.org/2001/XMLSchema-instance", "type")).toBe("TaskPaneApp");
    expect(byName("Id")[0].textContent?.trim()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(byName("DefaultLocale")[0].textContent?.trim()).toBe("en-US");
    expect(byName("Host").some((h) => h.getAttribute("Name") === "Workbook")).toBe(true);
    expect(byName("Version")[0].textContent?.trim()).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  });

  test("every resid is defined in Resources, and every resource is used", () => {
    const defined = new Set(
      all(doc)
        .filter((e) => e.namespaceURI === BT && ["Image", "Url", "String"].includes(e.localName) && e.hasAttribute("id"))
        .map((e) => e.getAttribute("id")!),
    );
    const used = new Set(all(doc).filter((e) => e.hasAttribute("resid")).map((e) => e.getAttribute("resid")!));
    expect(used.size).toBeGreaterThan(0);
    expect([...used].filter((id) => !defined.has(id))).toEqual([]);
    expect([...defined].filter((id) => !used.has(id))).toEqual([]);
    for (const id of used) expect(id.length).toBeLessThanOrEqual(32);
  });

  test("resource ids are unique and strings respect the length limits", () => {
    const ids = all(doc)
      .filter((e) => e.namespaceURI === BT && e.hasAttribute("id"))
      .map((e) => e.getAttribute("id"));
    expect(new Set(ids).size).toBe(ids.length);
    const limits: Record<string, number> = { ShortStrings: 125, LongStrings: 250 };
    for (const [group, max] of Object.entries(limits)) {
      for (const s of byName(group)[0].children) {
        const values = [s.getAttribute("DefaultValue"), ...Array.from(s.children).map((o) => o.getAttribute("Value"))];
        for (const v of values) expect((v ?? "").length).toBeLessThanOrEqual(max);
      }
    }
  });

  test("uses the JavaScript-only custom functions runtime with the ASCII namespace VPR", () => {
    const sets = byName("Set").map((s) => s.getAttribute("Name"));
    expect(sets).toContain("CustomFunctionsRuntime");
    expect(sets).not.toContain("SharedRuntime");
    expect(byName("Runtimes")).toHaveLength(0);
    const ep = byName("ExtensionPoint").find((e) => e.getAttribute("xsi:type") === "CustomFunctions");
    expect(ep).toBeDefined();
    for (const child of ["Script", "Page", "Metadata", "Namespace"]) {
      expect(byName(child, ep!)).toHaveLength(1);
    }
    const nsId = byName("Namespace", ep!)[0].getAttribute("resid")!;
    expect(nsId).toBe("Functions.Namespace");
    const ns = resource(nsId);
    const values = [ns.getAttribute("DefaultValue"), ...Array.from(ns.children).map((o) => o.getAttribute("Value"))];
    for (const v of values) {
      expect(v).toBe("VPR");
      expect(v).toMatch(/^[A-Za-z0-9.]{1,32}$/);
    }
  });

  test("the Russian metadata file is the ru-RU override of the functions metadata URL", () => {
    const ep = byName("ExtensionPoint").find((e) => e.getAttribute("xsi:type") === "CustomFunctions")!;
    const metaId = byName("SourceLocation", byName("Metadata", ep)[0])[0].getAttribute("resid")!;
    const url = resource(metaId);
    expect(url.getAttribute("DefaultValue")).toBe(`${DEV_URL}functions.json`);
    expect(ruOverride(url)).toBe(`${DEV_URL}functions.ru.json`);
  });

  test("a Home-tab button opens the task pane", () => {
    const tab = byName("OfficeTab")[0];
    expect(tab.getAttribute("id")).toBe("TabHome");
    const action = byName("Action", tab).find((a) => a.getAttribute("xsi:type") === "ShowTaskpane");
    expect(action).toBeDefined();
    const resid = byName("SourceLocation", action!)[0].getAttribute("resid")!;
    expect(resource(resid).getAttribute("DefaultValue")).toBe(`${DEV_URL}taskpane.html`);
    const sizes = byName("Image", tab).map((i) => i.getAttribute("size"));
    for (const size of ["16", "32", "80"]) expect(sizes).toContain(size);
  });

  test("ru-RU overrides exist for the display name, description and every UI string", () => {
    const cyrillic = /[А-Яа-яЁё]/;
    for (const name of ["DisplayName", "Description"]) {
      const el = byName(name).find((e) => e.parentElement === root)!;
      expect(ruOverride(el)).toMatch(cyrillic);
    }
    const strings = [...byName("ShortStrings")[0].children, ...byName("LongStrings")[0].children];
    expect(strings.length).toBeGreaterThan(0);
    for (const s of strings) {
      const ru = ruOverride(s);
      expect({ id: s.getAttribute("id"), ru: ru !== null }).toEqual({ id: s.getAttribute("id"), ru: true });
      if (s.getAttribute("id") !== "Functions.Namespace") expect(ru).toMatch(cyrillic);
    }
  });

  test("every URL is https://localhost:3000/ and names a file that the build puts in dist/", () => {
    requireDist();
    const urls = new Set<string>();
    for (const e of all(doc)) {
      for (const attr of ["DefaultValue", "Value"]) {
        const v = e.getAttribute(attr);
        if (v && /^https?:\/\//.test(v)) urls.add(v);
      }
    }
    expect(urls.size).toBeGreaterThan(5);
    const missing: string[] = [];
    for (const u of urls) {
      expect(u.startsWith(DEV_URL)).toBe(true);
      const rel = decodeURIComponent(u.slice(DEV_URL.length).replace(/[?#].*$/, ""));
      if (!fs.existsSync(path.join(DIST, rel))) missing.push(u);
    }
    expect(missing).toEqual([]);
  });
});

describe("dist/manifest.xml (production build)", () => {
  test("is well-formed and has no localhost URL left", () => {
    requireDist();
    const prod = fs.readFileSync(path.join(DIST, "manifest.xml"), "utf8");
    parse(prod);
    expect(prod).not.toMatch(/localhost/i);
    expect(prod).toContain(PROD_URL);
    // Same manifest otherwise: only the URLs changed.
    expect(prod).toBe(src.split(DEV_URL).join(PROD_URL));
  });
});
