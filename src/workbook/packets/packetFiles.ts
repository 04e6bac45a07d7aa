// Packets to bytes, from nothing: loaded lazily (it pulls in the file writer), as ../uploadFiles.ts.
import { buildNewWorkbook } from "../file/newWorkbook";
import { checkNewWorkbookPlan } from "../planCheck";
import type { Packet } from "./planPackets";

export async function writePacketFiles(packets: readonly Packet[]): Promise<{ packet: Packet; bytes: Uint8Array }[]> {
  const out: { packet: Packet; bytes: Uint8Array }[] = [];
  for (const packet of packets) {
    checkNewWorkbookPlan(packet.workbook);
    out.push({ packet, bytes: await buildNewWorkbook(packet.workbook) });
  }
  return out;
}
