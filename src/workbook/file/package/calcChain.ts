// The calculation chain is a cache Excel rebuilds when it is absent; a stale one (naming a cell that
// is no longer a formula) makes Excel repair the file. Removed with its relationship and override.
// Browser-safe.
import { removeOverride } from "./contentTypes";
import { readRelationships, removeRelationships, REL } from "./relationships";
import type { XlsxPackage } from "./XlsxPackage";

export async function removeCalcChain(pkg: XlsxPackage, workbookPart: string): Promise<void> {
  const chain = (await readRelationships(pkg, workbookPart)).filter((r) => r.type === REL.calcChain || r.type.endsWith("/calcChain"));
  if (chain.length === 0) return;
  await removeRelationships(pkg, workbookPart, chain.map((r) => r.id));
  for (const r of chain) {
    if (!r.part) continue;
    pkg.remove(r.part);
    await removeOverride(pkg, r.part);
  }
}
