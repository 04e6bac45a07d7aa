// Packets for experts and merging them back (README «packets/»).
export { buildPackets, type PacketFile } from "./buildPackets";
export { mergePackets, type MergePacketsResult, type MergePacketsRunOptions } from "./mergePackets";
export { INSTRUCTIONS_SHEET, PACKET_CREATOR, packetFileName } from "./packetNames";
export { planPackets, type Packet, type PacketOptions, type PacketsPlan } from "./planPackets";
export { describeConflict, planMergePackets, type MergePacketsOptions, type MergePacketsPlan, type PacketConflict } from "./planMergePackets";
export { readPacket, type PacketInput } from "./readPacket";
