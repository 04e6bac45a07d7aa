// The pane's title bar: the product name, the language switch and (in Excel) "Refresh".
import type { ReactNode } from "react";
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowClockwise16Regular, Translate16Regular } from "@fluentui/react-icons";
import { useI18n } from "../i18n";

const useStyles = makeStyles({
  root: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    columnGap: tokens.spacingHorizontalS,
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, lineHeight: tokens.lineHeightBase500 },
  buttons: { display: "flex", columnGap: tokens.spacingHorizontalXS },
});

export interface HeaderProps {
  onRefresh?: () => void;
  refreshDisabled?: boolean;
  children?: ReactNode;
}

export function Header({ onRefresh, refreshDisabled, children }: HeaderProps) {
  const { strings: s, language, setLanguage } = useI18n();
  const styles = useStyles();
  return (
    <header className={styles.root}>
      <h1 className={styles.title}>{s.appTitle}</h1>
      <div className={styles.buttons}>
        {children}
        {onRefresh && (
          <Button size="small" appearance="subtle" icon={<ArrowClockwise16Regular />} onClick={onRefresh} disabled={refreshDisabled} title={s.refreshLabel}>
            {s.refresh}
          </Button>
        )}
        <Button
          size="small"
          appearance="subtle"
          icon={<Translate16Regular />}
          lang={language === "ru" ? "en" : "ru"}
          aria-label={s.languageSwitchLabel}
          onClick={() => setLanguage(language === "ru" ? "en" : "ru")}
        >
          {s.languageSwitch}
        </Button>
      </div>
    </header>
  );
}
