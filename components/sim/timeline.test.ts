import { describe, expect, it } from "vitest";
import { faultLanes } from "./timeline";

describe("faultLanes", () => {
  it("keeps markers a marker width apart in one row", () => {
    expect(faultLanes([10, 60, 200])).toEqual([0, 0, 0]);
  });

  it("moves a marker that would overlap its neighbour to the next free row", () => {
    // The Lab's default faults at 2 s and 5 s of 60 s on a 350 px phone track: 17 px apart.
    expect(faultLanes([11.7, 29.2])).toEqual([0, 1]);
    expect(faultLanes([0, 10, 20, 50])).toEqual([0, 1, 2, 0]);
  });

  it("assigns rows by position, whatever order the faults are listed in", () => {
    expect(faultLanes([29.2, 11.7, 300])).toEqual([1, 0, 0]);
  });

  it("stacks faults at the same moment, and needs no row for no fault", () => {
    expect(faultLanes([100, 100, 100])).toEqual([0, 1, 2]);
    expect(faultLanes([])).toEqual([]);
  });
});
