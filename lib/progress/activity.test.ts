import { describe, expect, it } from "vitest";
import { activityByDay, calendarWeeks, currentStreak, longestStreak } from "./activity";

const at = (iso: string) => new Date(iso);

describe("activity", () => {
  const days = activityByDay(["2026-11-20T23:59:00Z", "2026-11-21T00:01:00Z", "2026-11-21T10:00:00Z", "2026-11-22T08:00:00Z", "2026-11-24T08:00:00Z", "2026-11-25T08:00:00Z"].map(at));

  it("counts answers per UTC day", () => {
    expect(Object.fromEntries(days)).toEqual({ "2026-11-20": 1, "2026-11-21": 2, "2026-11-22": 1, "2026-11-24": 1, "2026-11-25": 1 });
  });

  it("counts the current streak up to today, or up to yesterday before today's first answer, and breaks it after a missed day", () => {
    expect(currentStreak(days, at("2026-11-25T18:00:00Z"))).toBe(2);
    expect(currentStreak(days, at("2026-11-26T07:00:00Z"))).toBe(2);
    expect(currentStreak(days, at("2026-11-27T07:00:00Z"))).toBe(0);
    expect(currentStreak(new Map(), at("2026-11-27T07:00:00Z"))).toBe(0);
  });

  it("finds the longest streak", () => {
    expect(longestStreak(days)).toBe(3);
    expect(longestStreak(new Map())).toBe(0);
  });

  it("lays out weeks Monday first, ending with the week of today, with no future days", () => {
    // 2026-11-25 is a Wednesday.
    const weeks = calendarWeeks(days, at("2026-11-25T12:00:00Z"), 2);
    expect(weeks).toHaveLength(2);
    expect(weeks[0]![0]).toEqual({ date: "2026-11-16", count: 0 });
    expect(weeks[0]![4]).toEqual({ date: "2026-11-20", count: 1 });
    expect(weeks[1]![2]).toEqual({ date: "2026-11-25", count: 1 });
    expect(weeks[1]![3]).toBeNull();
  });
});
