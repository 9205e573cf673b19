/**
 * The Prisma driver adapter for PostgreSQL (decision 016), used by the app (lib/db/client.ts) and
 * by the Prisma CLI (prisma.config.ts).
 *
 * @prisma/adapter-pg 6.19 cannot read columns of PostgreSQL's `name` and `"char"` types (catalog
 * identifiers and flags), and Prisma's schema engine reads such columns, so `prisma migrate deploy` fails
 * with "Column type 'name' could not be deserialized" (prisma/orm#27403). node-postgres already
 * parses those values as strings; this pool's clients report such columns as `text` (and
 * their arrays as `text[]`), which is what they are to JavaScript, so the adapter accepts them.
 * It also replaces NUL characters in parameters (below).
 */
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";

const TEXT = 25;
const TEXT_ARRAY = 1009;
/** Catalog types node-postgres hands over as strings: "char", name, int2vector, regproc, oidvector, pg_node_tree, regclass, regtype. */
const AS_TEXT = new Set([18, 19, 22, 24, 30, 194, 2205, 2206]);
/** Their arrays ("char"[], name[]), which it hands over as arrays of strings. */
const AS_TEXT_ARRAY = new Set([1002, 1003]);

type Fields = { fields?: { dataTypeID: number }[] };

function nameAsText<T>(result: T): T {
  for (const result1 of Array.isArray(result) ? (result as Fields[]) : [result as Fields]) {
    for (const field of result1?.fields ?? []) {
      if (AS_TEXT.has(field.dataTypeID)) field.dataTypeID = TEXT;
      else if (AS_TEXT_ARRAY.has(field.dataTypeID)) field.dataTypeID = TEXT_ARRAY;
    }
  }
  return result;
}

/**
 * PostgreSQL text cannot hold U+0000 (SQLite's can): a parameter containing it fails the query
 * ("invalid byte sequence"), which would turn hostile input anywhere — a body, a URL, a cookie —
 * into a server error. It becomes U+FFFD, the replacement character, instead: a lookup finds
 * nothing, as on SQLite, and stored text shows where the character was.
 */
const withoutNul = (values: unknown) => (Array.isArray(values) ? values.map((v) => (typeof v === "string" && v.includes("\u0000") ? v.replaceAll("\u0000", "\uFFFD") : v)) : values);

class NameAsTextClient extends pg.Client {
  // pg.Client.query has many overloads (promise, callback, submittable); all are passed through.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(...args: any[]): any {
    if (args[0] && typeof args[0] === "object" && "values" in args[0]) args[0] = { ...args[0], values: withoutNul(args[0].values) };
    if (Array.isArray(args[1])) args[1] = withoutNul(args[1]);
    const last = args[args.length - 1];
    if (typeof last === "function") {
      args[args.length - 1] = (err: Error | null, res: unknown) => last(err, err ? res : nameAsText(res));
      return (super.query as (...a: unknown[]) => unknown)(...args);
    }
    const r = (super.query as (...a: unknown[]) => unknown)(...args);
    return r instanceof Promise ? r.then(nameAsText) : r;
  }
}

export function pgPool(connectionString: string): pg.Pool {
  // allowExitOnIdle: idle connections do not keep a process alive (the Prisma CLI would otherwise
  // wait out the 10 s idle timeout before exiting).
  return new pg.Pool({ connectionString, Client: NameAsTextClient, allowExitOnIdle: true });
}

/** A PrismaPg adapter over its own pool; the pool is closed with the Prisma client. */
export function pgAdapter(connectionString: string): PrismaPg {
  return new PrismaPg(pgPool(connectionString), { disposeExternalPool: true });
}
