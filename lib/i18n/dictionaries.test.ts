import { describe, expect, it } from "vitest";
import { en } from "./en";
import { zh } from "./zh";
import { format, resolveLocale, switchLocalePath } from "./index";

function leaves(obj: object, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(obj)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === "string") out.set(key, v);
    else for (const [kk, vv] of leaves(v as object, key)) out.set(kk, vv);
  }
  return out;
}

describe("dictionaries", () => {
  const a = leaves(en);
  const b = leaves(zh);

  it("have exactly the same keys in English and Chinese", () => {
    expect([...b.keys()].filter((k) => !a.has(k))).toEqual([]);
    expect([...a.keys()].filter((k) => !b.has(k))).toEqual([]);
  });

  it("have no empty strings and keep the same placeholders", () => {
    for (const [key, text] of a) {
      expect(text.trim(), key).not.toBe("");
      expect(b.get(key)!.trim(), key).not.toBe("");
      const ph = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(ph(b.get(key)!), key).toEqual(ph(text));
    }
  });
});

describe("locale helpers", () => {
  it.each([
    [null, "en"],
    ["", "en"],
    ["zh-CN,zh;q=0.9,en;q=0.8", "zh"],
    ["en-US,en;q=0.9,zh-CN;q=0.8", "en"],
    ["fr-FR,fr;q=0.9", "en"],
    ["fr;q=0.9, zh-TW;q=0.5", "zh"],
    ["en;q=0.1, zh;q=0.9", "zh"],
  ])("resolveLocale(%j) = %s", (header, locale) => expect(resolveLocale(header)).toBe(locale));

  it("switches the locale segment and keeps the rest of the path", () => {
    expect(switchLocalePath("/en/lessons/acks", "zh")).toBe("/zh/lessons/acks");
    expect(switchLocalePath("/zh", "en")).toBe("/en");
    expect(switchLocalePath("/lessons", "zh")).toBe("/zh/lessons");
  });

  it("formats placeholders and leaves unknown ones visible", () => {
    expect(format("t = {s} s of {total}", { s: 3 })).toBe("t = 3 s of {total}");
  });
});
