import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // mdx-bundler runs esbuild's native binary: load it from node_modules at run time.
  serverExternalPackages: ["mdx-bundler", "esbuild", "@node-rs/argon2", "@libsql/client", "@prisma/adapter-libsql"],
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;
