// The operation «Пакеты для экспертов»: one read, the packets planned, their bytes built. Nothing
// is written into the coordinator's workbook.
import { hasErrors, type Finding } from "../../core";
import type { WorkbookBackend } from "../backend";
import { planPackets, type Packet, type PacketOptions } from "./planPackets";

export interface PacketFile {
  fileName: string;
  bytes: Uint8Array;
  packet: Packet;
}

export async function buildPackets(backend: WorkbookBackend, options: PacketOptions = { by: "work" }): Promise<{ files: PacketFile[]; findings: Finding[] }> {
  const { packets, findings } = planPackets(await backend.read(null), options);
  if (hasErrors(findings) || packets.length === 0) return { files: [], findings };
  const { writePacketFiles } = await import(/* webpackChunkName: "packet-files" */ "./packetFiles");
  const built = await writePacketFiles(packets);
  return { files: built.map(({ packet, bytes }) => ({ fileName: packet.fileName, bytes, packet })), findings };
}
