import { DIMENSIONS } from "@jincai/core";
import type { Dimensions } from "@jincai/core";
import type { QuotaLine } from "./quota-line";

/**
 * The ledger dimensions of a quota line: fiscal year, division (when set), agency, fund type,
 * function, department and government economic codes, project and payment type.
 *
 * @example
 * ```ts
 * quotaDimensions(line).functionCode; // "2010101"
 * quotaDimensions(line).fiscalYear; // "2026"
 * ```
 */
export function quotaDimensions(line: QuotaLine): Dimensions {
  const dims: Record<string, string> = {
    [DIMENSIONS.fiscalYear]: String(line.fiscalYear),
    [DIMENSIONS.agency]: line.agency,
    [DIMENSIONS.fundType]: line.fundType,
    [DIMENSIONS.functionCode]: line.functionCode,
    [DIMENSIONS.economicCode]: line.economicCode,
    [DIMENSIONS.govEconomicCode]: line.govEconomicCode,
    [DIMENSIONS.project]: line.projectCode,
    [DIMENSIONS.paymentType]: line.paymentType,
  };
  if (line.division !== undefined && line.division !== "") dims[DIMENSIONS.division] = line.division;
  return dims;
}
