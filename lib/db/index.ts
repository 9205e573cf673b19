export { db, createDb, type PrismaClient } from "./client";
export { databaseUrl, DEFAULT_DATABASE_URL } from "./url";
