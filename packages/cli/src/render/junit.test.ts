import { describe, expect, it } from "vitest";
import type { RuleFailure } from "@jincai/core";
import { renderJunit } from "./junit";

const failure = (message: string): RuleFailure => ({ rule: "code.valid", severity: "error", message, evidence: { agency: message } });

describe("renderJunit", () => {
  it("writes a control character from a hand-edited database as \\u escape text, keeping the XML well formed", () => {
    const xml = renderJunit("jincai verify", ["code.valid"], [failure("agency a\u0001 <b> & \"c\"")], [failure("agency a\u0001 <b> & \"c\"")]);
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
    expect(xml).toContain("agency a\\u0001 &lt;b&gt; &amp; &quot;c&quot;");
    expect(xml).toMatch(/<testsuite [^>]*tests="1"[^>]*failures="1"/);
  });
});
