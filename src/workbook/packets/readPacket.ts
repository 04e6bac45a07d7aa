// Telling a packet from any other workbook, and finding its score sheets. A packet holds score
// sheets (by header, whatever another program did to the rest) and never the coordinator's input
// sheets or protocols: a workbook with those is the coordinator's own, given by mistake.
import { sameSheetName, type Finding } from "../../core";
import type { Snapshot } from "../backend";
import { INPUT_SHEETS, PROTOCOL_PREFIX, isProtocolHeader } from "../contract";
import { isScoreSheet } from "../scoreSheet";

/** One packet file as read back: its name (for the messages) and every sheet. */
export interface PacketInput {
  fileName: string;
  snapshot: Snapshot;
}

export interface PacketRead {
  /** Its score sheets, in tab order; empty when the file is not a packet. */
  sheets: string[];
  /** Why it is not a packet (errors), else nothing. */
  findings: Finding[];
}

export function readPacket(packet: PacketInput): PacketRead {
  const { fileName, snapshot } = packet;
  const own = snapshot.sheetNames.find(
    (n) => INPUT_SHEETS.some((i) => sameSheetName(i, n)) || (n.startsWith(PROTOCOL_PREFIX) && isProtocolHeader(snapshot.sheets[n]?.values[0])),
  );
  if (own) {
    return { sheets: [], findings: [{ severity: "error", code: "packets.not-packet", message: `файл «${fileName}», лист «${own}»: это книга координатора (в ней есть лист «${own}»), а не пакет для экспертов — укажите файлы, которые вернули эксперты` }] };
  }
  const sheets = snapshot.sheetNames.filter((n) => isScoreSheet(snapshot.sheets[n]));
  if (sheets.length === 0) {
    const first = snapshot.sheetNames[0];
    return {
      sheets: [],
      findings: [
        {
          severity: "error",
          code: "packets.not-packet",
          message: `файл «${fileName}»${first ? `, лист «${first}», ячейка A1` : ""}: это не пакет для экспертов — в нём нет листа для баллов (первая строка «Код | Вариант | … | Итого | Отметка | Проверка»)`,
        },
      ],
    };
  }
  return { sheets, findings: [] };
}
