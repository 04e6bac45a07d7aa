// The re-check step's controls, drawn by a chunk of their own (./lazyPart.tsx): see ./RecheckControlsView.tsx.
import { lazyPart } from "./lazyPart";

export const RecheckControls = lazyPart(() => import(/* webpackChunkName: "recheck" */ "./RecheckControlsView").then((m) => m.RecheckControls));
