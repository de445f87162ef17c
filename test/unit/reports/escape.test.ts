import { describe, expect, it } from "vitest";
import { h } from "../../../reports/html/tag.ts";
import { clip, html, md, xml } from "../../../reports/safe/escape.ts";

describe("escaping", () => {
  it("HTML: tags and quotes become text", () => {
    expect(html(`<script>alert("x")</script> & 'y'`)).toBe("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;");
  });

  it("HTML template: interpolations are escaped, nested markup is kept", () => {
    const name = "<img src=x onerror=alert(1)>";
    expect(h`<b>${name}</b>${h`<i>${"&"}</i>`}`.value).toBe("<b>&lt;img src=x onerror=alert(1)&gt;</b><i>&amp;</i>");
  });

  it("XML: control characters that XML forbids are replaced", () => {
    expect(xml("a\u0000b\u001bc\td")).toBe("a\uFFFDb\uFFFDc\td");
  });

  it("Markdown: a pipe cannot end a table cell, a newline cannot end a row, HTML is inert", () => {
    const out = md("a|b\nc <script>*x*</script> [l](javascript:1)");
    expect(out).toBe("a\\|b c &lt;script&gt;\\*x\\*&lt;/script&gt; \\[l\\](javascript:1)");
    expect(out).not.toMatch(/(^|[^\\])\|/);
  });

  it("every escape redacts first", () => {
    for (const f of [html, xml, md]) expect(f("postgres://u:hunter2@h")).not.toContain("hunter2");
  });

  it("clip redacts before cutting, so half a secret cannot leak", () => {
    const cut = clip("postgres://u:verysecretpassword@h/db", 24);
    expect(cut).not.toContain("verysecret");
    expect(cut.length).toBeLessThanOrEqual(24);
  });
});
