import { describe, expect, it } from "vitest";
import { bodyProblem, MAX_BODY_BYTES, MAX_DEPTH, readJson } from "./read-json";

const post = (body: BodyInit | null, type: string | null = "application/json") =>
  new Request("http://localhost/api/x", { method: "POST", body, headers: type ? { "content-type": type } : {}, ...(body instanceof ReadableStream ? { duplex: "half" } : {}) } as RequestInit);

async function status(req: Request) {
  const r = await readJson(req);
  return r.ok ? { ok: true, body: r.body } : { status: r.result.status, error: r.result.body.error };
}

describe("readJson", () => {
  it("reads a JSON object, with or without a charset", async () => {
    expect(await status(post('{"a":1}'))).toEqual({ ok: true, body: { a: 1 } });
    expect(await status(post('{"a":"配置"}', "application/json; charset=utf-8"))).toEqual({ ok: true, body: { a: "配置" } });
  });

  it("refuses a body not declared as JSON (415): a cross-site form cannot declare it", async () => {
    for (const type of [null, "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/jsonx"]) {
      expect(await status(post('{"a":1}', type)), String(type)).toMatchObject({ status: 415 });
    }
  });

  it("refuses bodies over the limit (413) without reading past it", async () => {
    expect(await status(post(`"${"x".repeat(MAX_BODY_BYTES)}"`))).toMatchObject({ status: 413 });
    // A stream that never ends: reading must stop at the limit.
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(c) {
        pulled++;
        c.enqueue(new Uint8Array(4096).fill(0x20));
      },
    });
    expect(await status(post(endless))).toMatchObject({ status: 413 });
    expect(pulled).toBeLessThan(10);
    // A Chinese answer of 4,000 characters (the longest a schema allows) fits.
    expect(await status(post(JSON.stringify({ response: { text: "副".repeat(4000) } })))).toMatchObject({ ok: true });
  });

  it("refuses invalid UTF-8, non-JSON and empty bodies (400)", async () => {
    expect(await status(post(new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d])))).toEqual({ status: 400, error: "body: not valid UTF-8" });
    for (const text of ["", "{", "nope", "{'a':1}", "\u0000"]) expect(await status(post(text)), JSON.stringify(text)).toEqual({ status: 400, error: "body: not valid JSON" });
  });

  it("refuses unpaired surrogates, __proto__ keys and deep nesting (400)", async () => {
    expect(await status(post('{"name":"a\\ud800"}'))).toMatchObject({ status: 400, error: expect.stringContaining("surrogate") });
    expect(await status(post('{"\\udc00":1}'))).toMatchObject({ status: 400, error: expect.stringContaining("surrogate") });
    expect(await status(post('{"name":"ok 😀"}'))).toMatchObject({ ok: true });
    expect(await status(post('{"a":{"__proto__":{"polluted":true}}}'))).toMatchObject({ status: 400, error: expect.stringContaining("__proto__") });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(await status(post("[".repeat(MAX_DEPTH + 1) + "]".repeat(MAX_DEPTH + 1)))).toMatchObject({ status: 400, error: expect.stringContaining("nested") });
    expect(await status(post("[".repeat(MAX_DEPTH) + "]".repeat(MAX_DEPTH)))).toMatchObject({ ok: true });
  });

  it("bodyProblem walks without recursion, so a very deep value cannot overflow the stack", () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(bodyProblem(deep)).toContain("nested");
    expect(bodyProblem({ constructor: "x", prototype: [1] })).toBeNull();
  });
});
