// The parts of a workbook with no sheets yet: what a file built from nothing (an upload form, a new
// coordinator's workbook) starts from. Document properties are only those given, plus our name as
// author — never a user or host name. Browser-safe.

import { escapeText } from "./xml";
import { XlsxPackage } from "./XlsxPackage";
import { MINIMAL_STYLES } from "../writer/styles";

export const PRODUCT_NAME = "ВПР: координатор";

export interface DocumentProperties {
  title?: string;
  creator?: string;
  company?: string;
}

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export function blankPackage(properties: DocumentProperties = {}, now = new Date()): XlsxPackage {
  const pkg = XlsxPackage.create();
  const who = escapeText(properties.creator?.trim() || PRODUCT_NAME);
  const when = now.toISOString().replace(/\.\d{3}Z$/, "Z");
  pkg.setText(
    "[Content_Types].xml",
    `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
      '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
      '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>' +
      "</Types>",
  );
  pkg.setText(
    "_rels/.rels",
    `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
      '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
      '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>' +
      "</Relationships>",
  );
  pkg.setText(
    "xl/workbook.xml",
    `${XML}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
      '<workbookPr defaultThemeVersion="164011"/><bookViews><workbookView xWindow="0" yWindow="0" windowWidth="28800" windowHeight="12300" activeTab="0"/></bookViews>' +
      '<sheets/><calcPr calcId="191029"/></workbook>',
  );
  pkg.setText(
    "xl/_rels/workbook.xml.rels",
    `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>' +
      "</Relationships>",
  );
  pkg.setText("xl/styles.xml", MINIMAL_STYLES);
  pkg.setText(
    "docProps/core.xml",
    `${XML}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
      `${properties.title ? `<dc:title>${escapeText(properties.title)}</dc:title>` : ""}<dc:creator>${who}</dc:creator><cp:lastModifiedBy>${who}</cp:lastModifiedBy>` +
      `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>` +
      "</cp:coreProperties>",
  );
  pkg.setText(
    "docProps/app.xml",
    `${XML}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">` +
      `<Application>${escapeText(PRODUCT_NAME)}</Application>${properties.company ? `<Company>${escapeText(properties.company)}</Company>` : ""}` +
      "</Properties>",
  );
  return pkg;
}
