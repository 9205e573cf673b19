/**
 * `npm run user:create -- --email ada@example.com --role learner|instructor|admin [--password …] [--name …]`
 * Creates an account, or changes the role (and password, if given) of an existing one.
 * Without --password a strong one is generated and printed once. Exit code 2 on bad input.
 */
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { hashPassword } from "../lib/auth/password";
import { ROLES, type Role } from "../lib/roles";
import { signUpSchema } from "../lib/auth/schemas";
import { createDb } from "../lib/db/client";
import { prepareEnv } from "./prepare-runtime";

function fail(message: string): never {
  process.stderr.write(`user:create: ${message}\n`);
  process.exit(2);
}

let values: { email?: string; role?: string; password?: string; name?: string };
try {
  ({ values } = parseArgs({ options: { email: { type: "string" }, role: { type: "string" }, password: { type: "string" }, name: { type: "string" } } }));
} catch (err) {
  fail((err as Error).message);
}
const role = (values.role ?? "learner") as Role;
if (!ROLES.includes(role)) fail(`--role must be one of ${ROLES.join(", ")}`);
const generated = values.password === undefined;
const password = values.password ?? randomBytes(12).toString("base64url");
const parsed = signUpSchema.safeParse({ email: values.email, password, ...(values.name ? { name: values.name } : {}) });
if (!parsed.success) {
  const issue = parsed.error.issues[0]!;
  fail(`--${String(issue.path[0] ?? "email")}: ${issue.message}`);
}

const env = prepareEnv({ ...process.env });
const db = createDb(env.DATABASE_URL);
const { email, name } = parsed.data;
const existing = await db.user.findUnique({ where: { email } });
if (existing) {
  await db.user.update({ where: { id: existing.id }, data: { role, ...(values.password ? { passwordHash: await hashPassword(password) } : {}) } });
  console.log(`Updated ${email}: role ${role}${values.password ? ", new password" : ""}.`);
} else {
  await db.user.create({ data: { email, name: name ?? null, role, passwordHash: await hashPassword(password) } });
  console.log(`Created ${role} ${email}.${generated ? ` Password: ${password}` : ""}`);
}
await db.$disconnect();
