export * from "./schema";
export * from "./grade";
