/**
 * Global setup for the browser tests: starts the app as `npm start` does, on E2E_PORT with a
 * throwaway database (scripts/app-server.ts), and stops it afterwards.
 */
import type { TestProject } from "vitest/node";
import { startApp, type RunningApp } from "../scripts/app-server";

let app: RunningApp | null = null;

export default async function setup(project: TestProject) {
  // The browser tests may move the server clock with a cookie (lib/clock); no other server honours it.
  app = await startApp(process.env.E2E_PORT ?? "3217", undefined, { LOSSLESS_TEST_CLOCK: "1" });
  project.provide("baseUrl", app.baseUrl);
  project.provide("databaseUrl", app.databaseUrl);
  return async () => {
    await app?.stop();
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    databaseUrl: string;
  }
}
