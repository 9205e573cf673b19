import type { NextConfig } from "next";
import { PHASE_DEVELOPMENT_SERVER } from "next/constants";
import { securityHeaders } from "./lib/security/headers";

export default function config(phase: string): NextConfig {
  return {
    // mdx-bundler runs esbuild's native binary: load it from node_modules at run time.
    serverExternalPackages: ["mdx-bundler", "esbuild", "@node-rs/argon2", "@libsql/client", "@prisma/adapter-libsql"],
    poweredByHeader: false,
    reactStrictMode: true,
    // Read when the app is built: scripts/start.ts rebuilds when NEXTAUTH_URL's scheme changes.
    async headers() {
      const headers = securityHeaders({ dev: phase === PHASE_DEVELOPMENT_SERVER, https: process.env.NEXTAUTH_URL?.startsWith("https:") ?? false });
      return [{ source: "/:path*", headers }];
    },
  };
}
