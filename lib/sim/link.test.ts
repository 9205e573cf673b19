import { describe, expect, it } from "vitest";
import { decodeLink, encodeLink } from "./link";

describe("scenario links", () => {
  it("round-trip a scenario and a moment, including non-ASCII text", () => {
    const input = { seed: 7, producer: { acks: "1" }, faults: [{ atMs: 5000, type: "crash-broker", broker: "leader" }], note: "双十一" };
    const link = encodeLink({ input, atMs: 12_345.6 });
    expect(link).toMatch(/^v1\.[A-Za-z0-9_-]+$/);
    expect(decodeLink(link)).toEqual({ ok: true, state: { input, atMs: 12_346 } });
  });

  it("carries compare mode's changes when there are any", () => {
    const compare = { producer: { acks: "all" } };
    expect(decodeLink(encodeLink({ input: {}, atMs: 0, compare }))).toEqual({ ok: true, state: { input: {}, atMs: 0, compare } });
    expect(decodeLink(encodeLink({ input: {}, atMs: 0 }))).toEqual({ ok: true, state: { input: {}, atMs: 0 } });
  });

  it.each([
    ["", /not a scenario link/],
    ["hello", /not a scenario link/],
    ["v9.abc", /unsupported link version "v9"/],
    ["v1.!!!", /damaged/],
    ["v1." + btoa("not json"), /damaged/],
    ["v1." + btoa('{"t":3}'), /no scenario/],
  ])("%j is reported, never thrown", (link, message) => {
    const r = decodeLink(link);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(message);
  });
});
