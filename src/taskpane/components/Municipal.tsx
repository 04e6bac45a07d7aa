// The municipal roll-up of web mode, drawn by a chunk of its own (./lazyPart.tsx): see ./MunicipalView.tsx.
import { lazyPart } from "./lazyPart";

export const Municipal = lazyPart(() => import(/* webpackChunkName: "municipal" */ "./MunicipalView").then((m) => m.MunicipalView));
