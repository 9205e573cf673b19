import { describe, expect, it } from "vitest";
import { AttemptIds, newAttemptId, postWithResend } from "./resend";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** A fetch that plays a script of outcomes and records what it was sent. */
function scripted(outcomes: (number | "network")[]) {
  const sent: { url: string; body: string }[] = [];
  const fetch = (async (url: string, init: RequestInit) => {
    sent.push({ url, body: String(init.body) });
    const next = outcomes.shift();
    if (next === undefined) throw new Error("more requests than scripted");
    if (next === "network") throw new TypeError("Failed to fetch");
    return new Response(JSON.stringify({ status: next }), { status: next });
  }) as typeof globalThis.fetch;
  return { sent, fetch };
}

describe("attempt ids", () => {
  it("are version-4 UUIDs, also where only getRandomValues exists (http on a LAN address)", () => {
    expect(newAttemptId()).toMatch(UUID);
    const ids = new Set(Array.from({ length: 200 }, () => newAttemptId({ getRandomValues: crypto.getRandomValues.bind(crypto) })));
    expect(ids.size).toBe(200);
    for (const id of ids) expect(id).toMatch(UUID);
  });

  it("stay the same for a resend of the same answer and change for a changed answer or after forget", () => {
    let n = 0;
    const ids = new AttemptIds(() => `id-${++n}`);
    expect(ids.idFor("q1", { choice: "a" })).toBe("id-1");
    expect(ids.idFor("q1", { choice: "a" })).toBe("id-1");
    expect(ids.idFor("q2", { choice: "a" })).toBe("id-2");
    expect(ids.idFor("q1", { choice: "b" })).toBe("id-3");
    ids.forget("q1");
    expect(ids.idFor("q1", { choice: "b" })).toBe("id-4");
  });
});

describe("postWithResend", () => {
  const body = { questionId: "q", response: { choice: "a" }, clientAttemptId: "2b0a4b8e-0f4c-4d7e-9a51-3f0c6c1d2e3f" };

  it("resends the identical request once after a network failure, after the backoff", async () => {
    const { sent, fetch } = scripted(["network", 200]);
    const slept: number[] = [];
    const res = await postWithResend("/api/quiz/answer", body, { fetch, backoffMs: 300, sleep: async (ms) => void slept.push(ms) });
    expect(res.status).toBe(200);
    expect(sent).toHaveLength(2);
    expect(sent[1]).toEqual(sent[0]);
    expect(JSON.parse(sent[1]!.body)).toEqual(body);
    expect(slept).toEqual([300]);
  });

  it("resends after a gateway error, and gives up after the retries with the last outcome", async () => {
    const gateway = scripted([503, 503]);
    expect((await postWithResend("/x", body, { fetch: gateway.fetch, sleep: async () => {} })).status).toBe(503);
    expect(gateway.sent).toHaveLength(2);
    const down = scripted(["network", "network", "network"]);
    const slept: number[] = [];
    await expect(postWithResend("/x", body, { fetch: down.fetch, retries: 2, backoffMs: 100, sleep: async (ms) => void slept.push(ms) })).rejects.toThrow("Failed to fetch");
    expect(down.sent).toHaveLength(3);
    expect(slept).toEqual([100, 200]);
  });

  it("does not resend an answer the server answered, even with an error", async () => {
    for (const status of [200, 400, 409, 500]) {
      const { sent, fetch } = scripted([status]);
      expect((await postWithResend("/x", body, { fetch, sleep: async () => {} })).status).toBe(status);
      expect(sent).toHaveLength(1);
    }
  });
});
