// The municipal coordinator: many schools' rows in one shape (docs/MUNICIPAL.md).
export * from "./participantRow";
export * from "./participantRows";
