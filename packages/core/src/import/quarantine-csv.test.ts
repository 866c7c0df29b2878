import { describe, expect, it } from "vitest";
import { readCsvRows } from "./read-csv-rows";
import { createQuarantineWriter, quarantineHeaderLine, quarantineRowLine, toCsvLine } from "./quarantine-csv";
import type { RejectedRow } from "./row-validator";
import { paymentRowSchema } from "./schemas/payment-row-schema";

const rejected: RejectedRow = {
  line: 17,
  cells: ["P9", "12.345"],
  issues: [{
    file: "payments.csv", line: 17, column: 2, field: "amount", code: "IMPORT_INVALID_AMOUNT",
    message: 'amount "12.345" has more than two decimals', value: "12.345", severity: "error",
  }],
};

describe("toCsvLine", () => {
  it("quotes cells with commas, quotes, line breaks or edge spaces", () => {
    expect(toCsvLine(["101001", 'say "hi"', "a,b", "两\n行", " x"])).toBe('101001,"say ""hi""","a,b","两\n行"," x"\r\n');
  });
});

describe("quarantineHeaderLine", () => {
  it("appends a reason column to 单位编码,金额", () => {
    expect(quarantineHeaderLine(["单位编码", "金额"])).toBe("单位编码,金额,reason\r\n");
  });
});

describe("quarantineRowLine", () => {
  it("keeps the original cells and appends line:column CODE message", () => {
    expect(quarantineRowLine(rejected, 2)).toBe('P9,12.345,"17:2 IMPORT_INVALID_AMOUNT amount ""12.345"" has more than two decimals"\r\n');
  });

  it("pads a short row so the reason stays under the reason header", () => {
    expect(quarantineRowLine({ ...rejected, cells: ["P9"] }, 3)).toMatch(/^P9,,,"17:2 /);
  });
});

describe("createQuarantineWriter", () => {
  it("writes the header once, then the rejected rows of a payments file with their raw cells", async () => {
    const csv = "支付编号,单位编码,资金性质,功能科目,金额,支付日期,收款人,收款账号\nP1,101001,111,2010101, 12.345 ,2026-03-05,QC,6222\nP2,101001,111,2010101,1,2026-03-05,QC,6222\nP3,,111,201,1,2026-13-01,QC,6222\n";
    const reader = readCsvRows([new TextEncoder().encode(csv)], paymentRowSchema, { file: "payments.csv", batchSize: 1 });
    const out: string[] = [];
    const writer = createQuarantineWriter((text) => void out.push(text));
    for await (const batch of reader) await writer.add(batch.rejected, reader.stats.header ?? []);
    expect(writer.count).toBe(2);
    expect(out.join("").split("\r\n")).toEqual([
      "支付编号,单位编码,资金性质,功能科目,金额,支付日期,收款人,收款账号,reason",
      'P1,101001,111,2010101," 12.345 ",2026-03-05,QC,6222,"2:5 IMPORT_INVALID_AMOUNT amount "" 12.345 "" has more than two decimals"',
      'P3,,111,201,1,2026-13-01,QC,6222,"4:2 IMPORT_REQUIRED agency_code is required but the cell is empty; 4:6 IMPORT_INVALID_DATE paid_on ""2026-13-01"" is not a date: there is no month 13 (write 2026-03-05, 2026/3/5 or 20260305)"',
      "",
    ]);
  });

  it("replaces a quarantine file's old reason with the new one when the file is imported again, without warning of it", async () => {
    const csv = "支付编号,单位编码,资金性质,功能科目,金额,支付日期,收款人,收款账号,reason\nP1,101001,111,2010101,12.345,2026-03-05,QC,6222,old reason\n";
    const reader = readCsvRows([new TextEncoder().encode(csv)], paymentRowSchema, { file: "rejected.csv" });
    const out: string[] = [];
    const writer = createQuarantineWriter((text) => void out.push(text));
    const warnings: string[] = [];
    for await (const batch of reader) {
      warnings.push(...batch.issues.filter((i) => i.severity === "warning").map((i) => i.code));
      await writer.add(batch.rejected, reader.stats.header ?? []);
    }
    expect(warnings).toEqual([]);
    expect(out.join("").split("\r\n")).toEqual([
      "支付编号,单位编码,资金性质,功能科目,金额,支付日期,收款人,收款账号,reason",
      'P1,101001,111,2010101,12.345,2026-03-05,QC,6222,"2:5 IMPORT_INVALID_AMOUNT amount ""12.345"" has more than two decimals"',
      "",
    ]);
  });
});
