// What the municipal roll-up found, in a few lines for a 320 px pane: files read and not read (with
// why), the monitoring's counts, works and signs, the top of the ranking, the observers' conflicts
// by row of the list — never an observer's name (those are on the roll-up's own sheet only).
// Part of the municipal view's chunk (./MunicipalView.tsx).
import { Text, makeStyles, tokens } from "@fluentui/react-components";
import type { MunicipalRollup } from "../../workbook/municipal/municipalRollup";
import { schoolLabel } from "../../workbook/municipal/rollupData";
import type { MunicipalStrings } from "./municipalStrings";

const RANKED = 5;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS, minWidth: 0 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, fontSize: tokens.fontSizeBase200, display: "flex", flexDirection: "column", rowGap: "2px" },
});

export interface MunicipalSummaryProps {
  rollup: MunicipalRollup;
  t: MunicipalStrings;
}

export function MunicipalSummary({ rollup, t }: MunicipalSummaryProps) {
  const styles = useStyles();
  const { data } = rollup;
  const unread = data.files.filter((f) => f.kind === "unreadable" || f.kind === "not-a-form");
  const ranked = data.ranking.slice(0, RANKED);
  const flags = data.observers?.flags ?? [];
  const label = schoolLabel(data);
  return (
    <section className={styles.root} aria-labelledby="municipal-summary" data-testid="municipal-summary">
      <h3 id="municipal-summary" className={styles.heading}>
        {t.summary}
      </h3>
      <Text size={200}>{t.filesLine(rollup.files.total, rollup.files.read, rollup.files.rows)}</Text>
      {unread.length > 0 && (
        <>
          <Text size={200}>{t.unread(unread.length)}</Text>
          <ul className={styles.list} data-testid="municipal-unread">
            {unread.map((f) => (
              // The problem's message names the file.
              <li key={f.file}>{f.problems[0]?.message ?? `${f.file} — ${t.kind[f.kind]}`}</li>
            ))}
          </ul>
        </>
      )}
      <Text size={200}>{t.monitoring(rollup.works.received, rollup.works.missing, rollup.works.invalid)}</Text>
      {!rollup.listed && <Text size={200}>{t.noList}</Text>}
      <Text size={200}>{t.works(data.works.length, data.signs.length, data.ranking.length)}</Text>
      {ranked.length > 0 && (
        <>
          <Text size={200}>{t.ranking(ranked.length)}</Text>
          <ol className={styles.list} data-testid="municipal-ranking">
            {ranked.map((r) => (
              <li key={r.school}>{t.rank(label(r.school), r.signs, r.score ?? null)}</li>
            ))}
          </ol>
        </>
      )}
      {data.observers && <Text size={200}>{flags.length === 0 ? t.observersNone : t.observersFlags(flags.length, [...new Set(flags.map((f) => f.row))].join(", "))}</Text>}
    </section>
  );
}
