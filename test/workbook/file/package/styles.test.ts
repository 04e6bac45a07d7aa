import { StyleRegistry, MINIMAL_STYLES } from "../../../../src/workbook/file/writer/styles";

describe("StyleRegistry: formats appended, indices kept", () => {
  test("existing items keep their index; new ones are appended with counts updated", () => {
    const reg = new StyleRegistry(MINIMAL_STYLES);
    const bold = reg.xf({ bold: true, fill: "#DDEBF7", horizontal: "center", vertical: "middle", wrap: true });
    const text = reg.xf({ numberFormat: "@" });
    const custom = reg.xf({ numberFormat: "0.0" });
    expect([bold, text, custom]).toEqual([1, 2, 3]);
    expect(reg.xf({ bold: true, fill: "#DDEBF7", horizontal: "center", vertical: "middle", wrap: true })).toBe(1);
    const xml = reg.toXml();
    expect(xml).toContain('<fonts count="2">');
    expect(xml).toContain('<fills count="3">');
    expect(xml).toContain('<cellXfs count="4">');
    expect(xml).toContain('<numFmts count="1"><numFmt numFmtId="164" formatCode="0.0"/></numFmts><fonts');
    expect(xml).toContain('<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>');
    expect(xml).toContain('<alignment horizontal="center" vertical="center" wrapText="1"/>');
    // The original items are the same text at the same place.
    expect(xml.indexOf('<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>')).toBeGreaterThan(0);
  });

  test("a second run reuses what the first appended: the part does not grow", () => {
    const first = new StyleRegistry(MINIMAL_STYLES);
    first.xf({ bold: true });
    first.xf({ border: "dashed", fontSize: 14 });
    first.dxfFill("#FFC7CE");
    const once = first.toXml();
    const second = new StyleRegistry(once);
    expect(second.xf({ bold: true })).toBe(1);
    expect(second.xf({ border: "dashed", fontSize: 14 })).toBe(2);
    expect(second.dxfFill("#FFC7CE")).toBe(0);
    expect(second.changed).toBe(false);
    expect(second.toXml()).toBe(once);
  });

  test("prefixed parts (x:) and missing lists; the base font is the workbook's own", () => {
    const src =
      '<x:styleSheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:fonts count="1"><x:font><x:sz val="10"/><x:name val="Arial"/></x:font></x:fonts>' +
      '<x:fills count="2"><x:fill><x:patternFill patternType="none"/></x:fill><x:fill><x:patternFill patternType="gray125"/></x:fill></x:fills><x:borders count="1"><x:border/></x:borders>' +
      '<x:cellStyleXfs count="1"><x:xf/></x:cellStyleXfs><x:cellXfs count="1"><x:xf/></x:cellXfs><x:tableStyles count="0"/></x:styleSheet>';
    const reg = new StyleRegistry(src);
    expect(reg.xf({ italic: true })).toBe(1);
    expect(reg.dxfFill("#FF0000")).toBe(0);
    const xml = reg.toXml();
    expect(xml).toContain('<x:font><x:i/><x:sz val="10"/><x:name val="Arial"/><x:family val="2"/></x:font>');
    expect(xml).toContain('<x:dxfs count="1"><x:dxf><x:fill><x:patternFill patternType="solid"><x:bgColor rgb="FFFF0000"/></x:patternFill></x:fill></x:dxf></x:dxfs><x:tableStyles');
  });
});
