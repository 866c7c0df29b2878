/**
 * The names a summary shows beside its codes (报表 show 单位名称 and 科目名称, not bare codes):
 * agencies and 主管部门 from the imported agency tree, function and departmental economic codes from the
 * year's classification (the starter list plus imported codes; a rolled-up 类 or 款 has its own
 * entry), fund types from the fund-type table. Projects and months have none.
 */
import { findFundType } from "@jincai/core";
import { DEPARTMENT } from "./department-rollup";
import type { ReferenceData } from "./reference-data";

/** The name of a summary dimension's code, or undefined when it has none or is unknown. */
export type SummaryNameOf = (dimension: string, code: string) => string | undefined;

/** How a named dimension's names are shown: their JSON key and their workbook column's title. */
export interface NamedDimension {
  readonly jsonKey: string;
  readonly title: string;
}

/** The dimensions that have names, by dimension key. */
export const NAMED_DIMENSIONS: Readonly<Record<string, NamedDimension>> = {
  [DEPARTMENT]: { jsonKey: "departmentName", title: "主管部门名称 department name" },
  agency: { jsonKey: "agencyName", title: "单位名称 agency name" },
  functionCode: { jsonKey: "functionName", title: "功能科目名称 function name" },
  economicCode: { jsonKey: "economicName", title: "经济科目名称 economic name" },
  fundType: { jsonKey: "fundName", title: "资金性质名称 fund name" },
};

/**
 * Looks names up in a year's reference data.
 *
 * @example
 * ```ts
 * const nameOf = summaryNames(await loadReferenceData(store, 2026), 2026);
 * nameOf("functionCode", "201"); // "一般公共服务支出"
 * nameOf("month", "2026-03"); // undefined
 * ```
 */
export function summaryNames(ref: ReferenceData, fiscalYear: number): SummaryNameOf {
  return (dimension, code) => {
    if (code === "") return undefined;
    switch (dimension) {
      case "agency":
      case DEPARTMENT:
        return ref.agencies.find(code)?.name;
      case "functionCode":
        return ref.codes.find("function", code, fiscalYear)?.name;
      case "economicCode":
        return ref.codes.find("economic-dept", code, fiscalYear)?.name;
      case "fundType":
        return findFundType(code)?.name;
      default:
        return undefined;
    }
  };
}
