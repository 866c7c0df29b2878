import { describe, expect, it } from "vitest";
import { accountField, amountField, codeField, dateField, enumField, fundTypeField, normalizeDate, textField, yearField } from "./import-fields";

const issueCode = (result: { success: boolean; error?: { issues: unknown[] } }): unknown =>
  (result.error?.issues[0] as { params?: { importCode?: string } } | undefined)?.params?.importCode;

describe("normalizeDate", () => {
  it("normalises 2026/3/5, 20260305, 2026年3月5日 and Excel's 2026/3/5 0:00 to 2026-03-05", () => {
    for (const text of ["2026-03-05", "2026/3/5", "20260305", "2026.3.5", "2026年3月5日", "2026/3/5 0:00"]) {
      expect(normalizeDate(text)).toBe("2026-03-05");
    }
  });

  it("refuses 2026-02-29, 20261301 and 3/5/2026", () => {
    for (const text of ["2026-02-29", "20261301", "3/5/2026"]) expect(normalizeDate(text)).toBeUndefined();
  });

  it("keeps the day of a timestamp as payment and bank systems export it", () => {
    for (const text of [
      "2026-03-05 14:35:12", "2026/3/5 14:35", "2026-03-05T14:35:12", "2026-03-05T14:35:12.123", "2026-03-05 00:00:00.000",
      "2026年3月5日 14时35分", "2026年3月5日14时35分12秒", "20260305143512", "20260305 9:05", "2026.3.5 23:59:59",
    ]) {
      expect(normalizeDate(text), text).toBe("2026-03-05");
    }
  });

  it("refuses a timestamp whose time is not one, or whose day depends on a zone", () => {
    for (const text of ["2026-03-05 24:00", "2026-03-05 14:60", "2026-03-05 14:35:60", "2026-03-05T14:35:12Z", "2026-03-05T14:35:12+08:00", "20260305246000", "2026-02-30 10:00", "2026-03-05 下午2:35"]) {
      expect(normalizeDate(text), text).toBeUndefined();
    }
  });
});

describe("amountField", () => {
  it("parses ¥1,234.56 into 123456 fen and names MONEY_TOO_MANY_DECIMALS as IMPORT_INVALID_AMOUNT", () => {
    const field = amountField({ aliases: [] });
    expect(field.schema.parse("¥1,234.56")).toBe(123456n);
    expect(field.parseCell?.("(1,234.56)")).toBe(-123456n);
    const bad = field.schema.safeParse("12.345");
    expect(issueCode(bad)).toBe("IMPORT_INVALID_AMOUNT");
    expect(bad.error?.issues[0]?.message).toBe("has more than two decimals");
  });

  it("refuses zero and (1,234.56) when positive, saying where such a row belongs, and keeps other reasons", () => {
    const field = amountField({ aliases: [], positive: "a refund is a row with status 已退票" });
    expect(field.parseCell?.("0.01")).toBe(1n);
    for (const text of ["0", "0.00", "(1,234.56)", "-5"]) {
      expect(field.parseCell?.(text)).toBeUndefined();
      const bad = field.schema.safeParse(text);
      expect(issueCode(bad)).toBe("IMPORT_INVALID_AMOUNT");
      expect(bad.error?.issues[0]?.message).toBe("must be greater than zero (a refund is a row with status 已退票)");
    }
    expect(field.schema.safeParse("-12.345").error?.issues[0]?.message).toBe("has more than two decimals");
    expect(amountField({ aliases: [], positive: true }).schema.safeParse("0").error?.issues[0]?.message).toBe("must be greater than zero");
    expect("positive" in amountField({ aliases: [], positive: true })).toBe(false);
  });
});

describe("accountField", () => {
  it("reads an account written in groups or with full-width digits without its spaces, and refuses other text", () => {
    const field = accountField({ aliases: [] });
    expect(field.schema.parse("6222000000000001")).toBe("6222000000000001");
    expect(field.schema.parse("6222 0000 0000 0001")).toBe("6222000000000001");
    expect(field.parseCell?.("６２２２\u3000００００")).toBe("62220000");
    expect(field.schema.parse("1202-0201-0900")).toBe("1202-0201-0900");
    const bad = field.schema.safeParse("6222/0001");
    expect(issueCode(bad)).toBe("IMPORT_INVALID_CODE");
    expect(bad.error?.issues[0]?.message).toBe("is not an account number (expected letters and digits)");
    expect(field.schema.safeParse("6.222509268374647E+15").error?.issues[0]?.message).toContain("Excel turned it into a number");
  });
});

describe("amountField: a unit written after the amount", () => {
  it("reads 1,234.56元 in a file in 元 and 12.5万元 in a file in 万元", () => {
    expect(amountField({ aliases: [] }).parseCell?.("1,234.56元")).toBe(123456n);
    expect(amountField({ aliases: [] }).parseCell?.("¥1,234.56 元")).toBe(123456n);
    expect(amountField({ aliases: [], unit: "万元" }).parseCell?.("12.5万元")).toBe(12_500_000n);
  });

  it("refuses a cell in another unit than the file's, saying how to state it", () => {
    const field = amountField({ aliases: [] });
    expect(field.parseCell?.("12.5万元")).toBeUndefined();
    expect(field.schema.safeParse("12.5万元").error?.issues[0]?.message).toBe(
      "is in 万元 but the amounts are read in 元 (state the file's unit: 单位：万元 above the header, or 金额（万元）)",
    );
    expect(amountField({ aliases: [], unit: "万元" }).schema.safeParse("125000元").error?.issues[0]?.message).toContain("is in 元 but the amounts are read in 万元");
  });
});

describe("cells Excel users marked as text with an apostrophe", () => {
  it("reads an amount and a date after the apostrophe, as codes are read", () => {
    expect(amountField({ aliases: [] }).parseCell?.("'1234.56")).toBe(123_456n);
    expect(amountField({ aliases: [] }).parseCell?.("'1,234.56")).toBe(123_456n);
    expect(dateField({ aliases: [] }).parseCell?.("'2026-03-05")).toBe("2026-03-05");
    expect(dateField({ aliases: [] }).parseCell?.("'２０２６－０３－０５")).toBe("2026-03-05");
    expect(codeField({ aliases: [], digits: [7] }).parseCell?.("'2010101")).toBe("2010101");
  });

  it("still refuses what is not an amount or a date after it", () => {
    expect(amountField({ aliases: [] }).schema.safeParse("'12a").error?.issues[0]?.message).toBe("is not an amount (write 1234.56, 1,234.56 or (1,234.56) for a negative)");
    expect(amountField({ aliases: [] }).parseCell?.("''12")).toBeUndefined();
    expect(dateField({ aliases: [] }).parseCell?.("'2026-02-30")).toBeUndefined();
  });
});

describe("dateField", () => {
  it("says why a date of the right shape names no day: the month has fewer days, or there is no such month", () => {
    const field = dateField({ aliases: [] });
    const message = (text: string) => field.schema.safeParse(text).error?.issues[0]?.message;
    expect(message("2026-6-31")).toBe("is not a date: 2026-06 has 30 days (write 2026-03-05, 2026/3/5 or 20260305)");
    expect(message("2026-02-29")).toBe("is not a date: 2026-02 has 28 days (write 2026-03-05, 2026/3/5 or 20260305)");
    expect(field.parseCell?.("2028-02-29")).toBe("2028-02-29");
    expect(message("2026-13-01")).toBe("is not a date: there is no month 13 (write 2026-03-05, 2026/3/5 or 20260305)");
    expect(message("2026年4月31日")).toBe("is not a date: 2026-04 has 30 days (write 2026-03-05, 2026/3/5 or 20260305)");
    expect(message("20260431")).toBe("is not a date: 2026-04 has 30 days (write 2026-03-05, 2026/3/5 or 20260305)");
    expect(message("2026-03-00")).toBe("is not a date: 2026-03 has 31 days (write 2026-03-05, 2026/3/5 or 20260305)");
  });

  it("says when a refused date looks like Excel's day number, and which day it is", () => {
    const field = dateField({ aliases: [] });
    expect(field.schema.safeParse("46082").error?.issues[0]?.message).toBe(
      "is not a date: it looks like Excel's day number for 2026-03-01 (format the column as a date before exporting)",
    );
    expect(field.schema.safeParse("12345").error?.issues[0]?.message).toBe("is not a date (write 2026-03-05, 2026/3/5 or 20260305)");
  });

  it("reads a date in full-width digits, as amounts and codes are read", () => {
    const field = dateField({ aliases: [] });
    expect(field.schema.parse("２０２６－０３－０５")).toBe("2026-03-05");
    expect(field.schema.parse("２０２６年３月５日")).toBe("2026-03-05");
    expect(field.schema.parse("２０２６／３／５　１４：３５")).toBe("2026-03-05");
    expect(field.schema.safeParse("２０２６－０２－３０").success).toBe(false);
  });

  it("turns 20260305 into 2026-03-05 and 2026-02-30 into IMPORT_INVALID_DATE", () => {
    const field = dateField({ aliases: [] });
    expect(field.schema.parse("20260305")).toBe("2026-03-05");
    expect(issueCode(field.schema.safeParse("2026-02-30"))).toBe("IMPORT_INVALID_DATE");
  });
});

describe("codeField", () => {
  it("accepts function code 2010101 and refuses 201010 and 2.010101E+6", () => {
    const field = codeField({ aliases: [], digits: [3, 5, 7], label: "function classification code" });
    expect(field.schema.parse("2010101")).toBe("2010101");
    expect(issueCode(field.schema.safeParse("201010"))).toBe("IMPORT_INVALID_CODE");
    expect(field.schema.safeParse("2.010101E+6").error?.issues[0]?.message).toContain("Excel");
  });

  it("names an agency code and an account number with their article", () => {
    const agency = codeField({ aliases: [], digits: [6], label: "agency code" });
    expect(agency.schema.safeParse("10100").error?.issues[0]?.message).toBe("is not an agency code (expected 6 digits)");
    const account = codeField({ aliases: [], label: "account number" });
    expect(account.schema.safeParse("6.22251E+15").error?.issues[0]?.message).toBe(
      "is not an account number: Excel turned it into a number (format the column as text)",
    );
    const project = codeField({ aliases: [], label: "project code" });
    expect(project.schema.safeParse("项目").error?.issues[0]?.message).toBe("is not a project code (expected letters and digits)");
  });

  it("reads full-width digits as digits, and a numeric code written with its name as the code", () => {
    const field = codeField({ aliases: [], digits: [3, 5, 7], label: "function classification code" });
    expect(field.schema.parse("２０１０１０１")).toBe("2010101");
    expect(field.schema.parse("2010101 行政运行")).toBe("2010101");
    expect(field.schema.parse("[201]一般公共服务支出")).toBe("201");
    expect(field.schema.parse("20101-人大事务")).toBe("20101");
    // Still refused: a wrong length with a name, and a name alone.
    expect(issueCode(field.schema.safeParse("201010 行政运行"))).toBe("IMPORT_INVALID_CODE");
    expect(issueCode(field.schema.safeParse("行政运行"))).toBe("IMPORT_INVALID_CODE");
    const agency = codeField({ aliases: [], digits: [6], label: "agency code" });
    expect(agency.schema.parse("２０１００７")).toBe("201007");
  });
});

describe("fundTypeField", () => {
  it("takes a fund type code as it is, and a payment system's name for one as its code", () => {
    const field = fundTypeField({ aliases: [] });
    expect(field.schema.parse("111")).toBe("111");
    expect(field.schema.parse("一般公共预算资金")).toBe("111");
    expect(field.schema.parse("政府性基金")).toBe("121");
    expect(field.schema.parse("单位自有资金")).toBe("3");
    expect(field.schema.parse("111-一般公共预算资金")).toBe("111");
    expect(field.schema.parse("111 一般公共预算资金")).toBe("111");
    expect(field.schema.parse("[111]一般公共预算资金")).toBe("111");
    // A code whose name is another fund type's is refused rather than guessed.
    expect(issueCode(field.schema.safeParse("121-一般公共预算资金"))).toBe("IMPORT_INVALID_CODE");
  });

  it("refuses other text with the names it could have been", () => {
    const field = fundTypeField({ aliases: [] });
    const refused = field.schema.safeParse("资金性质");
    expect(issueCode(refused)).toBe("IMPORT_INVALID_CODE");
    expect(refused.error?.issues[0]?.message).toBe(
      "is not a fund type code or name (一般公共预算资金, 政府性基金预算资金, 国有资本经营预算资金, 社会保险基金预算资金, 财政专户管理资金, 单位资金)",
    );
  });
});

describe("yearField", () => {
  it("reads 2026 as a number and refuses 26 with IMPORT_INVALID_VALUE", () => {
    const field = yearField({ aliases: [] });
    expect(field.schema.parse("2026")).toBe(2026);
    expect(issueCode(field.schema.safeParse("26"))).toBe("IMPORT_INVALID_VALUE");
  });
});

describe("textField", () => {
  it("refuses a summary longer than maxLength", () => {
    const field = textField({ aliases: [], maxLength: 4, required: false });
    expect(field.required).toBe(false);
    expect(field.schema.parse("办公用品")).toBe("办公用品");
    expect(issueCode(field.schema.safeParse("办公用品采购"))).toBe("IMPORT_INVALID_VALUE");
  });

  it("reads a name Excel wrapped in its cell (Alt+Enter) as the one line it is", () => {
    const field = textField({ aliases: ["收款人"] });
    expect(field.schema.parse("青川办公\n用品有限公司")).toBe("青川办公用品有限公司");
    expect(field.schema.parse("青川办公\r\n用品有限公司")).toBe("青川办公用品有限公司");
    expect(field.schema.parse("青川办公 \n 用品有限公司")).toBe("青川办公用品有限公司");
    expect(field.schema.parse("Qingchuan Office\nSupplies Co.")).toBe("Qingchuan Office Supplies Co.");
    expect(field.schema.parse("青川（QC）\nSupplies")).toBe("青川（QC）Supplies");
    expect(field.schema.parse("办公用品\n\n差旅")).toBe("办公用品差旅");
  });
});

describe("enumField", () => {
  it("accepts direct and refuses 直接支付 until a mapping rewrites it", () => {
    const field = enumField({ aliases: [], values: ["direct", "authorized"] });
    expect(field.schema.parse("direct")).toBe("direct");
    expect(issueCode(field.schema.safeParse("直接支付"))).toBe("IMPORT_INVALID_VALUE");
  });
});
