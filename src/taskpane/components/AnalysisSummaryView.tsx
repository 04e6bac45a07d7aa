// The school summary of the analysis in the pane: per work, the grade's figures (wrote, mean
// primary score, успеваемость, качество, journal comparison) and a line per class — narrow enough
// for a 320 px pane. A chunk of its own (./AnalysisSummary.tsx): the first screen does not need it.
import { Caption1, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { GroupStatistics, ObjectivityFlag, WorkStatistics } from "../../core";
import { useStrings } from "../i18n";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, marginTop: tokens.spacingVerticalS },
  work: { display: "flex", flexDirection: "column", rowGap: "2px" },
  title: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  table: { borderCollapse: "collapse", fontSize: tokens.fontSizeBase200, width: "100%", tableLayout: "fixed" },
  first: { width: "18%" },
  last: { width: "22%" },
  th: { textAlign: "right", fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground3, padding: "0 2px", overflowWrap: "anywhere" },
  thFirst: { textAlign: "left" },
  td: { textAlign: "right", padding: "1px 2px", borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  tdFirst: { textAlign: "left" },
  grade: { fontWeight: tokens.fontWeightSemibold },
  note: { color: tokens.colorNeutralForeground3 },
  flags: { margin: 0, paddingLeft: tokens.spacingHorizontalL, fontSize: tokens.fontSizeBase200, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
});

const dash = (v: number | null | undefined): string => (v === null || v === undefined ? "—" : String(v));

export interface AnalysisSummaryProps {
  works: readonly WorkStatistics[];
  /** The objectivity signs, each in its plain Russian sentence (src/core/objectivity). */
  flags: readonly ObjectivityFlag[];
}

export function AnalysisSummary({ works, flags }: AnalysisSummaryProps) {
  const s = useStrings().steps.analysis;
  const styles = useStyles();
  if (works.length === 0) return <Caption1 className={styles.note}>{s.noWorks}</Caption1>;
  const small = works.some((w) => w.groups.some((g) => g.size === "small"));
  return (
    <section className={styles.root} aria-label={s.summary} data-testid="analysis-summary">
      {works.map((w) => (
        <div key={w.workId} className={styles.work}>
          <h4 className={styles.title}>{s.workTitle(w.subject, w.grade)}</h4>
          <table className={styles.table}>
            <colgroup>
              <col className={styles.first} />
              <col />
              <col />
              <col />
              <col />
              <col className={styles.last} />
            </colgroup>
            <thead>
              <tr>
                {s.columns.map((c, i) => (
                  <th key={c} scope="col" className={i === 0 ? mergeClasses(styles.th, styles.thFirst) : styles.th}>
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {w.groups.map((g: GroupStatistics) => (
                <tr key={g.class ?? ""} className={g.class === null ? styles.grade : undefined} data-class={g.class ?? "grade"}>
                  <td className={mergeClasses(styles.td, styles.tdFirst)}>
                    {g.class ?? s.grade}
                    {g.size === "small" ? "*" : ""}
                  </td>
                  <td className={styles.td}>{g.wrote}</td>
                  <td className={styles.td}>{dash(g.meanScore)}</td>
                  <td className={styles.td}>{dash(g.successRate)}</td>
                  <td className={styles.td}>{dash(g.qualityRate)}</td>
                  <td className={styles.td}>{g.journal ? `${g.journal.lower}/${g.journal.same}/${g.journal.higher}` : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
      <Caption1 className={styles.note}>{s.legend}</Caption1>
      <div className={styles.work} data-testid="analysis-flags">
        <h4 className={styles.title}>{flags.length > 0 ? s.flagsTitle(flags.length) : s.noFlags}</h4>
        {flags.length > 0 && (
          <ul className={styles.flags}>
            {flags.map((f, i) => (
              <li key={i} data-sign={f.code}>
                {f.message}
              </li>
            ))}
          </ul>
        )}
      </div>
      {small && <Caption1 className={styles.note}>{s.small}</Caption1>}
    </section>
  );
}
