import { describe, expect, it } from "vitest";
import { clientIp, normaliseIp } from "./client-ip";

describe("clientIp", () => {
  it("reads the last X-Forwarded-For entry: what next start sets from the socket, or what one proxy appended", () => {
    expect(clientIp(new Headers({ "x-forwarded-for": "127.0.0.1" }), {})).toBe("127.0.0.1");
    expect(clientIp(new Headers({ "x-forwarded-for": "6.6.6.6, 203.0.113.9" }), {})).toBe("203.0.113.9");
    expect(clientIp({ "x-forwarded-for": "6.6.6.6,  203.0.113.9 " }, { TRUSTED_PROXY_HOPS: "1" })).toBe("203.0.113.9");
  });

  it("with two trusted proxies, skips the address the inner proxy appended", () => {
    const h = new Headers({ "x-forwarded-for": "6.6.6.6, 198.51.100.7, 10.0.0.2" });
    expect(clientIp(h, { TRUSTED_PROXY_HOPS: "2" })).toBe("198.51.100.7");
    // Fewer entries than hops: the first one, the furthest address known.
    expect(clientIp(new Headers({ "x-forwarded-for": "10.0.0.2" }), { TRUSTED_PROXY_HOPS: "3" })).toBe("10.0.0.2");
  });

  it("is 'unknown' without the header (a request that did not come through next start)", () => {
    expect(clientIp(new Headers(), {})).toBe("unknown");
    expect(clientIp({ "x-forwarded-for": " , " }, {})).toBe("unknown");
  });
});

describe("normaliseIp", () => {
  it.each([
    ["::ffff:127.0.0.1", "127.0.0.1"],
    ["192.0.2.1:51234", "192.0.2.1"],
    ["[2001:db8::1]:443", "2001:db8:0:0::/64"],
    ["2001:DB8:0:0:1:2:3:4", "2001:db8:0:0::/64"],
    ["2001:db8::ffff:1", "2001:db8:0:0::/64"],
    ["fe80::1%eth0", "fe80:0:0:0::/64"],
    ["::1", "0:0:0:0::/64"],
  ])("%s → %s", (input, key) => {
    expect(normaliseIp(input)).toBe(key);
  });

  it("keeps one key per IPv6 /64, so rotating the interface part does not escape a limit", () => {
    expect(normaliseIp("2001:db8:1:2:aaaa::1")).toBe(normaliseIp("2001:db8:1:2:bbbb:cccc:dddd:eeee"));
    expect(normaliseIp("2001:db8:1:2::1")).not.toBe(normaliseIp("2001:db8:1:3::1"));
  });

  it("cuts anything else to 64 characters", () => {
    expect(normaliseIp("x".repeat(10_000))).toHaveLength(64);
    expect(normaliseIp("1:2:3:4:5:6:7:8:9")).toBe("1:2:3:4:5:6:7:8:9");
  });
});
