// The operation «Принять баллы экспертов»: one read, a plan, a question when a packet's value
// differs from a score already in the workbook, one checked apply. Refusals write nothing.
import { hasErrors } from "../../core";
import type { WorkbookBackend } from "../backend";
import type { OperationResult } from "../operations";
import { applyWritePlan } from "../planCheck";
import { planMergePackets, type MergePacketsPlan, type PacketConflict } from "./planMergePackets";
import type { PacketInput } from "./readPacket";

export interface MergePacketsResult extends OperationResult {
  /** Every cell where a packet and the workbook disagree; `overwritten` says which won. */
  conflicts: PacketConflict[];
  /** True when the coordinator said the packets' values replace ours. */
  overwritten: boolean;
  /** Empty cells filled from the packets. */
  filled: number;
  sheets: MergePacketsPlan["sheets"];
}

export interface MergePacketsRunOptions {
  /** Asked with the conflicts when there are any: true — the packets' values replace ours; false or absent — ours stay. */
  confirm?: (conflicts: PacketConflict[]) => Promise<boolean> | boolean;
}

export async function mergePackets(backend: WorkbookBackend, packets: readonly PacketInput[], options: MergePacketsRunOptions = {}): Promise<MergePacketsResult> {
  const snapshot = await backend.read(null);
  let planned = planMergePackets(snapshot, packets);
  const base = { created: [], replaced: [], conflicts: planned.conflicts, sheets: planned.sheets };
  if (hasErrors(planned.findings)) return { ...base, status: "blocked", findings: planned.findings, merged: [], cellsWritten: 0, overwritten: false, filled: 0 };
  const overwrite = planned.conflicts.length > 0 && options.confirm !== undefined && (await options.confirm(planned.conflicts));
  if (overwrite) planned = planMergePackets(snapshot, packets, { overwrite: true });
  const merges = planned.plan.merges ?? [];
  if (merges.length > 0) await applyWritePlan(backend, planned.plan, snapshot.sheetNames);
  return {
    ...base,
    status: "done",
    findings: planned.findings,
    merged: merges.map((m) => m.name),
    cellsWritten: merges.reduce((n, m) => n + m.cells.length, 0),
    overwritten: overwrite,
    filled: planned.filled,
    sheets: planned.sheets,
  };
}
