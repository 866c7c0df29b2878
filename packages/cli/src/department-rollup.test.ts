import type { ExecutionSummaryRow } from "@jincai/budget";
import { buildAgencyTree } from "@jincai/core";
import { describe, expect, it } from "vitest";
import { rollUpDepartments, summaryGroupBy } from "./department-rollup";

const tree = buildAgencyTree([
  { code: "101", name: "青川市人民政府办公室", unitType: "administrative", divisionCode: "990100" },
  { code: "101001", name: "市政府办公室本级", unitType: "administrative", divisionCode: "990100", parentCode: "101" },
  { code: "101002", name: "市机关事务管理局", unitType: "administrative", divisionCode: "990100", parentCode: "101" },
  { code: "102", name: "青川市教育局", unitType: "administrative", divisionCode: "990100" },
  { code: "102001", name: "市教育局本级", unitType: "administrative", divisionCode: "990100", parentCode: "102" },
]);

const row = (agency: string, functionCode: string, quota: bigint, paid: bigint): ExecutionSummaryRow => ({
  key: { agency, functionCode },
  quota,
  reserved: 10n,
  paid,
  frozen: 0n,
  available: quota - 10n - paid,
  nonExecutable: 0n,
  executionRate: "0.0000",
  lines: 1,
});

describe("summaryGroupBy", () => {
  it("asks for the agency in the department's place, once", () => {
    expect(summaryGroupBy(["department", "functionCode"])).toEqual(["agency", "functionCode"]);
    expect(summaryGroupBy(["department", "agency"])).toEqual(["agency"]);
  });
});

describe("rollUpDepartments", () => {
  // 101002's line is not executable: what is left on it is not available.
  const rows = [row("102001", "205", 300n, 30n), { ...row("101002", "201", 200n, 150n), available: 0n, nonExecutable: 40n }, row("101001", "201", 100n, 50n), row("999001", "201", 7n, 0n)];

  it("adds the agencies of each 主管部门 up, available and non-executable apart, and computes the rate again, sorted by department", () => {
    expect(rollUpDepartments(rows, ["department"], tree)).toEqual([
      { key: { department: "101" }, quota: 300n, reserved: 20n, paid: 200n, frozen: 0n, available: 40n, nonExecutable: 40n, executionRate: "0.6667", lines: 2 },
      { key: { department: "102" }, quota: 300n, reserved: 10n, paid: 30n, frozen: 0n, available: 260n, nonExecutable: 0n, executionRate: "0.1000", lines: 1 },
      // An agency the tree does not know is its own department.
      { key: { department: "999001" }, quota: 7n, reserved: 10n, paid: 0n, frozen: 0n, available: -3n, nonExecutable: 0n, executionRate: "0.0000", lines: 1 },
    ]);
  });

  it("keeps the agency and other dimensions when asked for them", () => {
    const out = rollUpDepartments(rows, ["department", "agency", "functionCode"], tree);
    expect(out.map((r) => r.key)).toEqual([
      { department: "101", agency: "101001", functionCode: "201" },
      { department: "101", agency: "101002", functionCode: "201" },
      { department: "102", agency: "102001", functionCode: "205" },
      { department: "999001", agency: "999001", functionCode: "201" },
    ]);
    expect(rollUpDepartments(rows, ["functionCode", "department"], tree).map((r) => [r.key["functionCode"], r.key["department"], r.quota])).toEqual([
      ["201", "101", 300n],
      ["201", "999001", 7n],
      ["205", "102", 300n],
    ]);
  });
});
