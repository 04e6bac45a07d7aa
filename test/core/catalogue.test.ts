import { CATALOGUE, definitionProblems, findWork, GRADE8_SCALES, isTwoPart, maxTotal, type WorkDefinition } from "../../src/core";

// The table of shared/DOMAIN.md, copied verbatim: items "label:max", total, mark scale bounds.
const DOMAIN: Record<string, { items: string; total: number; scale?: string }> = {
  "RU4-2026": { items: "1:2 2:1 3:2 4:3 5:2 6:1 7:1 8:2 9:3 10:3 11:1 12:3", total: 24, scale: "0–9 / 10–15 / 16–20 / 21–24" },
  "MA4-2023": { items: "1:1 2:1 3:2 4:1 5.1:1 5.2:1 6.1:1 6.2:1 7:1 8:2 9.1:1 9.2:1 10:2 11:2 12:2", total: 20, scale: "0–5 / 6–9 / 10–14 / 15–20" },
  "OM4-2018": { items: "1:2 2:2 3.1:2 3.2:1 3.3:3 4:1 5:2 6.1:1 6.2:1 6.3:2 7:3 8:3 9:3 10:6", total: 32, scale: "0–7 / 8–17 / 18–26 / 27–32" },
  "MA5-15": { items: "1:1 2:1 3:1 4:1 5:2 6:2 7:2 8.1:1 8.2:1 9:1 10.1:1 10.2:1", total: 15 },
  "MA8-2021": { items: "1:1 2:1 3:1 4:1 5:1 6:2 7:1 8:2 9:1 10:1 11:1 12:1 13:1 14:1 15:2 16:2 17:1 18:2 19:2", total: 25, scale: "0–7 / 8–14 / 15–20 / 21–25" },
};

/** "0–9 / 10–15 / 16–20 / 21–24" → the four ranges as [from, to]. */
const ranges = (s: string): [number, number][] => s.split(" / ").map((r) => r.split("–").map(Number) as [number, number]);

describe("built-in catalogue", () => {
  it("holds exactly the verified works", () => {
    expect(CATALOGUE.map((w) => w.id).sort()).toEqual(Object.keys(DOMAIN).sort());
  });

  it.each(CATALOGUE.map((w) => [w.id, w] as const))("%s passes definitionProblems and has a source", (_id, work) => {
    expect(definitionProblems(work)).toEqual([]);
    expect(work.source.length).toBeGreaterThan(0);
    expect(isTwoPart(work)).toBe(false);
  });

  it.each(Object.entries(DOMAIN))("%s matches the domain table", (id, expected) => {
    const work = findWork(id)!;
    expect(work.items.map((i) => `${i.label}:${i.max}`).join(" ")).toBe(expected.items);
    expect(maxTotal(work)).toBe(expected.total);
    if (!expected.scale) {
      expect(work.scale).toBeUndefined();
      return;
    }
    const [two, three, four, five] = ranges(expected.scale);
    expect(two[0]).toBe(0);
    expect(work.scale).toEqual({ min3: three[0], min4: four[0], min5: five[0] });
    expect(three[0]).toBe(two[1] + 1);
    expect(four[0]).toBe(three[1] + 1);
    expect(five[0]).toBe(four[1] + 1);
    expect(five[1]).toBe(expected.total);
  });

  it("totals: RU4-2026 = 24, MA4-2023 = 20, OM4-2018 = 32, MA5-15 = 15, MA8-2021 = 25", () => {
    expect(["RU4-2026", "MA4-2023", "OM4-2018", "MA5-15", "MA8-2021"].map((id) => maxTotal(findWork(id)!))).toEqual([24, 20, 32, 15, 25]);
  });

  it("grade-8 scales match the domain notes, maximum = last bound", () => {
    const domain8: Record<string, string> = {
      Обществознание: "0–7/8–13/14–18/19–22",
      Математика: "0–7/8–14/15–20/21–25",
      История: "0–4/5–9/10–13/14–17",
      География: "0–9/10–20/21–28/29–33",
      Биология: "0–9/10–17/18–23/24–29",
      "Русский язык": "0–25/26–31/32–44/45–51",
      Химия: "0–9/10–18/19–27/28–36",
      Физика: "0–4/5–7/8–10/11–18",
    };
    expect(GRADE8_SCALES.map((s) => s.subject).sort()).toEqual(Object.keys(domain8).sort());
    for (const s of GRADE8_SCALES) {
      const r = domain8[s.subject].split("/").map((x) => x.split("–").map(Number));
      expect({ subject: s.subject, max: s.max, scale: s.scale }).toEqual({ subject: s.subject, max: r[3][1], scale: { min3: r[1][0], min4: r[2][0], min5: r[3][0] } });
    }
    // The maths grade-8 hint agrees with the MA8-2021 entry.
    expect(GRADE8_SCALES.find((s) => s.subject === "Математика")!.scale).toEqual(findWork("MA8-2021")!.scale);
  });
});

describe("findWork", () => {
  it("finds by id regardless of case and spaces", () => {
    expect(findWork("RU4-2026")!.subject).toBe("Русский язык");
    expect(findWork(" ru4-2026 ")!.id).toBe("RU4-2026");
    expect(findWork("nope")).toBeUndefined();
  });

  it("prefers the coordinator's own definitions", () => {
    const own: WorkDefinition = { ...findWork("RU4-2026")!, source: "свои критерии", scale: { min3: 11, min4: 17, min5: 22 } };
    expect(findWork("ru4-2026", [own])).toBe(own);
    const extra: WorkDefinition = { ...own, id: "BI8-2026" };
    expect(findWork("BI8-2026", [extra])).toBe(extra);
    expect(findWork("MA4-2023", [extra])!.id).toBe("MA4-2023");
  });
});
