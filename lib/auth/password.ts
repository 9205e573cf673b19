import { hash, verify, type Options } from "@node-rs/argon2";

/**
 * argon2id with OWASP's baseline (Password Storage Cheat Sheet): 19 MiB of memory, 2 passes,
 * 1 lane. Set explicitly so a change of the library's defaults cannot weaken new hashes; the
 * parameters are stored in each hash, so older hashes keep verifying.
 */
export const PASSWORD_HASH_OPTIONS = {
  // Algorithm.Argon2id: the enum is declared `const`, which isolated modules cannot read.
  algorithm: 2 as Options["algorithm"],
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} satisfies Options;

export function hashPassword(password: string): Promise<string> {
  return hash(password, PASSWORD_HASH_OPTIONS);
}

export async function verifyPassword(hashed: string, password: string): Promise<boolean> {
  try {
    return await verify(hashed, password);
  } catch {
    return false;
  }
}
