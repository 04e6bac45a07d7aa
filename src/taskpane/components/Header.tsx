// The pane's title bar: the product name and the language switch.
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { Translate16Regular } from "@fluentui/react-icons";
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

export function Header() {
  const { strings: s, language, setLanguage } = useI18n();
  const styles = useStyles();
  return (
    <header className={styles.root}>
      <h1 className={styles.title}>{s.appTitle}</h1>
      <div className={styles.buttons}>
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
