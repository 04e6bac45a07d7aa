// A Fluent button that opens the browser's file dialog (the native input stays hidden), and the
// names of the files chosen.
import { useRef, useState, type ReactElement } from "react";
import { Button, Caption1, makeStyles, tokens, type ButtonProps } from "@fluentui/react-components";

const useStyles = makeStyles({
  root: { display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXXS },
  names: { color: tokens.colorNeutralForeground2, wordBreak: "break-all" },
});

export interface FilePickerProps {
  label: string;
  accept: string;
  multiple?: boolean;
  disabled?: boolean;
  appearance?: ButtonProps["appearance"];
  icon?: ReactElement;
  /** Show the chosen file names next to the button. */
  showNames?: boolean;
  /** Choose a folder (every file in it, subfolders too: `webkitdirectory`, in Excel's pane and browsers alike). */
  folder?: boolean;
  testId?: string;
  onFiles: (files: File[]) => void;
}

/** Not in React's input props; WebView2, Safari and current browsers all support it. */
const FOLDER = { webkitdirectory: "" } as Record<string, string>;

export function FilePicker({ label, accept, multiple, disabled, appearance = "secondary", icon, showNames = true, folder, testId, onFiles }: FilePickerProps) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [names, setNames] = useState<string[]>([]);
  return (
    <div className={styles.root}>
      <Button appearance={appearance} icon={icon} disabled={disabled} onClick={() => input.current?.click()}>
        {label}
      </Button>
      {/* Hidden (display: none): the button above is the control people and screen readers use. */}
      <input
        ref={input}
        hidden
        type="file"
        accept={accept}
        multiple={multiple}
        data-testid={testId}
        {...(folder ? FOLDER : {})}
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = "";
          if (files.length === 0) return;
          setNames(files.map((f) => f.name));
          onFiles(files);
        }}
      />
      {showNames && names.length > 0 && <Caption1 className={styles.names}>{names.join(", ")}</Caption1>}
    </div>
  );
}
