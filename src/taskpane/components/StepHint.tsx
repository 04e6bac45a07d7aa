// A quiet line of advice inside a step («Вводите данные в книге…»).
import type { ReactNode } from "react";
import { makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  hint: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3, margin: 0 },
});

export function StepHint({ children }: { children: ReactNode }) {
  return <p className={useStyles().hint}>{children}</p>;
}
