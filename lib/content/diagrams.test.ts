import { describe, expect, it } from "vitest";
import { checkDiagram } from "./diagrams";

const ok = '<svg viewBox="0 0 100 50" xmlns="http://www.w3.org/2000/svg"><title>Leader and followers</title><rect class="d-box" x="1" y="1" width="20" height="20"/><use href="#a"/></svg>';

describe("diagram files are held to a safe, scalable subset of SVG", () => {
  it("accepts a plain diagram", () => expect(checkDiagram(ok)).toBeNull());
  it.each([
    ["not svg", "<div>hi</div>", "must start with <svg"],
    ["no viewBox", ok.replace(' viewBox="0 0 100 50"', ""), "viewBox"],
    ["fixed size", ok.replace("<svg ", '<svg width="300" '), "must not set width or height"],
    ["no title", ok.replace("<title>Leader and followers</title>", ""), "needs a <title>"],
    ["script", ok.replace("</svg>", "<script>alert(1)</script></svg>"), "<script>"],
    ["handler", ok.replace("<rect ", '<rect onclick="x()" '), "event handler"],
    ["external link", ok.replace('href="#a"', 'href="https://evil.example/x.svg#a"'), "outside the file"],
    ["foreignObject", ok.replace("</svg>", "<foreignObject/></svg>"), "foreignObject"],
  ])("refuses %s", (_, svg, message) => expect(checkDiagram(svg)).toContain(message));
});
