// Drawing the re-check sample (docs/RECHECK.md, «Выборка»): from the works that were written, at
// least P % and/or at least N per subject × grade, stratified across schools and classes or whole
// classes, optionally weighted towards schools and classes with objectivity signs. Pure and seeded:
// the same population and seed give the same sample whatever order the population came in.
import { seededRandom, type Random } from "../random";
import type { RecheckSample, SampleEntry, SampleRule } from "./sampleList";

/** A written work that may be drawn. */
export interface PopulationWork extends SampleEntry {
  /** Its school or class has an objectivity sign in this subject × grade (weighted up when the rule says so). */
  flagged?: boolean;
}

/**
 * How many times more likely a work (by works) or a class (by classes) with an objectivity sign is
 * drawn than one without. Three: a flagged class is clearly favoured, yet a 1 % sample still
 * reaches the classes without signs (a region checks the scoring of everyone, not only suspects).
 */
export const FLAG_WEIGHT = 3;

/** Seeds are 32-bit: the generator (mulberry32) takes no more. */
export const MAX_SEED = 0xffffffff;

/** What was drawn of one subject × grade. */
export interface SampleGroup {
  subject: string;
  grade: number;
  /** Written works drawn from. */
  works: number;
  /** At least this many by the rule (all when fewer). */
  quota: number;
  drawn: number;
  schools: number;
  classes: number;
  drawnSchools: number;
  drawnClasses: number;
}

export interface DrawResult extends RecheckSample {
  groups: SampleGroup[];
}

/** The rule's quota for a subject × grade of `size` works: the larger of ⌈P % of size⌉ and N, at most size. */
export function sampleQuota(size: number, rule: Pick<SampleRule, "percent" | "min">): number {
  // The small tolerance keeps 1 % of 300 at 3 despite binary fractions (0.1 · 30 = 3.0000000000000004).
  const byPercent = rule.percent === null ? 0 : Math.ceil((rule.percent * size) / 100 - 1e-9);
  return Math.min(size, Math.max(byPercent, rule.min ?? 0));
}

/** A Russian sentence for a rule that cannot be drawn by, or null. */
export function ruleProblem(rule: SampleRule): string | null {
  if (rule.percent === null && rule.min === null) return "нужен хотя бы один порог: доля работ в процентах или число работ на предмет и параллель";
  if (rule.percent !== null && !(rule.percent > 0 && rule.percent <= 100)) return `доля работ ${rule.percent} % должна быть больше 0 и не больше 100`;
  if (rule.min !== null && !(Number.isInteger(rule.min) && rule.min >= 1)) return `число работ ${rule.min} должно быть целым, не меньше 1`;
  return null;
}

/** A seed for a draw without one (recorded in the output, so the draw can be repeated). */
export function newSeed(random: Random): number {
  return random.nextInt(1_000_000_000);
}

export function drawSample(population: readonly PopulationWork[], rule: SampleRule, seed: number): DrawResult {
  const problem = ruleProblem(rule);
  if (problem) throw new RangeError(problem);
  if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) throw new RangeError(`зерно ${seed} должно быть целым от 0 до ${MAX_SEED}`);
  const groups: SampleGroup[] = [];
  const sample: SampleEntry[] = [];
  for (const works of bySubjectAndGrade(population)) {
    const { subject, grade } = works[0];
    // Each subject × grade draws from its own stream: a form added for grade 8 leaves grade 4's sample as it was.
    const random = seededRandom(hash32(`${seed}|${grade}|${subject}`));
    const quota = sampleQuota(works.length, rule);
    const drawn = rule.by === "classes" ? drawClasses(works, quota, rule.weighted, random) : drawWorks(works, quota, rule.weighted, random);
    drawn.sort(compareWorks);
    sample.push(...drawn.map(entry));
    groups.push({
      subject,
      grade,
      works: works.length,
      quota,
      drawn: drawn.length,
      schools: countOf(works, (w) => w.school),
      classes: countOf(works, classKey),
      drawnSchools: countOf(drawn, (w) => w.school),
      drawnClasses: countOf(drawn, classKey),
    });
  }
  return { seed, rule: { ...rule }, sample, groups };
}

const entry = (w: PopulationWork): SampleEntry => ({ school: w.school, workId: w.workId, subject: w.subject, grade: w.grade, class: w.class, code: w.code, variant: w.variant });

const text = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
// Classes compare as people read them (4Б before 10А); the rest by code point, the same on every machine.
const classOrder = (a: string, b: string): number => {
  const na = parseInt(a, 10);
  const nb = parseInt(b, 10);
  if (na !== nb && !Number.isNaN(na) && !Number.isNaN(nb)) return na - nb;
  return text(a, b);
};

/** The canonical order: grade, subject, school, class, code — the order of the output too. */
export function compareWorks(a: SampleEntry, b: SampleEntry): number {
  return a.grade - b.grade || text(a.subject, b.subject) || text(a.school, b.school) || classOrder(a.class, b.class) || a.code - b.code || a.variant - b.variant || text(a.workId, b.workId);
}

const classKey = (w: SampleEntry): string => `${w.school}\u0000${w.class}`;

function countOf<T>(items: readonly T[], key: (t: T) => string): number {
  return new Set(items.map(key)).size;
}

/** The population in canonical order, split by subject × grade (groups in that order too). */
function bySubjectAndGrade(population: readonly PopulationWork[]): PopulationWork[][] {
  const sorted = population.slice().sort(compareWorks);
  const groups: PopulationWork[][] = [];
  for (const w of sorted) {
    const last = groups[groups.length - 1];
    if (last && last[0].grade === w.grade && last[0].subject === w.subject) last.push(w);
    else groups.push([w]);
  }
  return groups;
}

/** Consecutive runs of equal key (the input is sorted by it). */
function runs<T>(items: readonly T[], key: (t: T) => string): T[][] {
  const out: T[][] = [];
  for (const item of items) {
    const last = out[out.length - 1];
    if (last && key(last[0]) === key(item)) last.push(item);
    else out.push([item]);
  }
  return out;
}

const weightOf = (w: PopulationWork, weighted: boolean): number => (weighted && w.flagged ? FLAG_WEIGHT : 1);
const weightSum = (works: readonly PopulationWork[], weighted: boolean): number => works.reduce((s, w) => s + weightOf(w, weighted), 0);

/**
 * Works one by one, stratified: the quota is shared among schools in proportion to their (weighted)
 * number of works, then each school's share among its classes the same way, then each class's
 * share is a simple random sample of its works. Shares are whole numbers by largest remainders
 * (ties broken at random), so every school and class gets its proportional share rounded down or up.
 */
function drawWorks(works: readonly PopulationWork[], quota: number, weighted: boolean, random: Random): PopulationWork[] {
  const schools = runs(works, (w) => w.school);
  const perSchool = allocate(quota, schools.map((s) => s.length), schools.map((s) => weightSum(s, weighted)), random);
  const drawn: PopulationWork[] = [];
  schools.forEach((school, i) => {
    const classes = runs(school, (w) => w.class);
    const perClass = allocate(perSchool[i], classes.map((c) => c.length), classes.map((c) => weightSum(c, weighted)), random);
    classes.forEach((cls, j) => drawn.push(...pick(cls, perClass[j], random)));
  });
  return drawn;
}

/** Whole classes in random order (a flagged class FLAG_WEIGHT times as likely at each step) until the quota is met. */
function drawClasses(works: readonly PopulationWork[], quota: number, weighted: boolean, random: Random): PopulationWork[] {
  const classes = runs(works, classKey).map((c) => ({ works: c, weight: weighted && c.some((w) => w.flagged) ? FLAG_WEIGHT : 1 }));
  const drawn: PopulationWork[] = [];
  while (drawn.length < quota && classes.length > 0) {
    let r = random.nextInt(classes.reduce((s, c) => s + c.weight, 0));
    const i = classes.findIndex((c) => (r -= c.weight) < 0);
    drawn.push(...classes[i].works);
    classes.splice(i, 1);
  }
  return drawn;
}

/** `count` of `items` at random (a partial Fisher–Yates shuffle). */
function pick<T>(items: readonly T[], count: number, random: Random): T[] {
  const a = items.slice();
  for (let i = 0; i < count; i++) {
    const j = i + random.nextInt(a.length - i);
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a.slice(0, count);
}

/**
 * `total` shared among units in proportion to their weights, no unit above its cap: units whose
 * share reaches the cap get the cap and the rest is shared again; then whole numbers by largest
 * remainders, ties in random order. Integer arithmetic throughout (share = left · weight / W).
 */
export function allocate(total: number, caps: readonly number[], weights: readonly number[], random: Random): number[] {
  const out = caps.map(() => 0);
  let open = caps.map((_, i) => i).filter((i) => caps[i] > 0 && weights[i] > 0);
  let left = Math.min(total, open.reduce((s, i) => s + caps[i], 0));
  for (;;) {
    if (left === 0 || open.length === 0) return out;
    const w = open.reduce((s, i) => s + weights[i], 0);
    const full = open.filter((i) => left * weights[i] >= caps[i] * w);
    if (full.length > 0) {
      for (const i of full) {
        out[i] = caps[i];
        left -= caps[i];
      }
      open = open.filter((i) => !full.includes(i));
      continue;
    }
    const ties = new Map(open.map((i) => [i, random.nextInt(0x40000000)]));
    let given = 0;
    for (const i of open) {
      out[i] = Math.floor((left * weights[i]) / w);
      given += out[i];
    }
    const byRemainder = open.slice().sort((a, b) => ((left * weights[b]) % w) - ((left * weights[a]) % w) || ties.get(a)! - ties.get(b)! || a - b);
    for (const i of byRemainder.slice(0, left - given)) out[i]++;
    return out;
  }
}

/** FNV-1a, 32 bits: a stream of its own for each subject × grade from one seed. */
function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
