// Names for parts we add: the first free number, so a part another program wrote (its chart1.xml,
// its drawing1.xml) is never overwritten. Browser-safe.

import { relsPartOf } from "./relationships";
import type { XlsxPackage } from "./XlsxPackage";

/**
 * A part name not in the package yet (nor in `taken`, which it joins): dir/base1.xml, dir/base2.xml, …
 * A name whose relationships part was left behind is not free either: the new part would inherit them.
 */
export function freePart(pkg: XlsxPackage, dir: string, base: string, taken: Set<string> = new Set()): string {
  for (let n = 1; ; n++) {
    const name = `${dir}/${base}${n}.xml`;
    if (!pkg.has(name) && !pkg.has(relsPartOf(name)) && !taken.has(name.toLowerCase())) {
      taken.add(name.toLowerCase());
      return name;
    }
  }
}
