// The pane's one kind of question before a write: a title, what will happen, the list of what it
// touches, and two answers. Closing the dialog (Escape) is "no". The dialog itself
// (./ConfirmListDialogView.tsx, with Fluent's Dialog) is a chunk of its own (./lazyPart.tsx); it is
// drawn from the first question on, and kept from then on (so it can animate closed).
import { useState } from "react";
import type { ConfirmListDialogProps } from "./ConfirmListDialogView";
import { lazyPart } from "./lazyPart";

export type { ConfirmListDialogProps };

const View = lazyPart(() => import(/* webpackChunkName: "dialogs" */ "./ConfirmListDialogView").then((m) => m.ConfirmListDialog));

export function ConfirmListDialog(props: ConfirmListDialogProps) {
  const [asked, setAsked] = useState(props.open);
  if (props.open && !asked) setAsked(true);
  return asked || props.open ? <View {...props} /> : null;
}
