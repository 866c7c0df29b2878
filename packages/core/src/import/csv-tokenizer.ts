/**
 * A hand-written RFC 4180 tokenizer for decoded CSV text, fed in chunks cut anywhere. Comma
 * separator, `"` quoting with `""` escapes, quoted cells spanning line breaks; `\r\n`, `\n` and a
 * lone `\r` each end a record (and count as one line). Ragged records are allowed, cells are
 * never trimmed, blank lines arrive as `[""]` so they are counted. Excel's text formula
 * `="0101"` in an unquoted cell is one cell, kept as written. A line without a quote is
 * split on commas with `indexOf`/`slice`; only records holding a quote take the slower path.
 * An incomplete record waits for the next chunk without rescanning the text already seen.
 */
import { JincaiError } from "../errors/jincai-error";
import { ImportIssueCode } from "./import-issue-code";

/**
 * Records parsed from one piece of text, with the start line of each.
 *
 * @example
 * ```ts
 * const chunk: RecordChunk = { records: [["单位编码", "金额"], ["101001", "1,234.56"]], lines: [1, 2] };
 * async function* records(): AsyncGenerator<RecordChunk> { yield chunk; } // e.g. a sheet's rows
 * readRecordRows({ records: records(), state: { bytesRead: 0, encoding: undefined, replaced: false } }, schema, { file: "a.xlsx" });
 * ```
 */
export interface RecordChunk {
  /** The records (one string per cell, untrimmed). */
  records: string[][];
  /** `lines[i]` is the 1-based physical line where `records[i]` starts. */
  lines: number[];
}

const COMMA = 0x2c;
const QUOTE = 0x22;
const EQUALS = 0x3d;
const LF = 0x0a;
const CR = 0x0d;

/** What an incomplete record needs before it is worth scanning again. */
const enum Wait {
  /** Any further text. */
  Any,
  /** A quote (the record ends inside a quoted cell). */
  Quote,
  /** A line break (the record ends inside an unquoted cell). */
  Break,
}

/** A scan stopped before the end of the text: the record at `pos` needs more text. */
const INCOMPLETE = -1;
/** A scan stopped at a syntax error (set in `failure`). */
const FAILED = -2;

/**
 * Splits CSV text, written chunk by chunk, into records with their start lines. After each
 * `write`, completed records wait in the tokenizer until {@link CsvTokenizer.take}; a syntax
 * error stops the tokenizer and sits in `failure`, after the records before it.
 *
 * @example
 * ```ts
 * const tokenizer = new CsvTokenizer();
 * tokenizer.write('单位编码,金额\n101001,"1,234');
 * tokenizer.write('.56"\n');
 * tokenizer.end();
 * tokenizer.take(); // { records: [["单位编码", "金额"], ["101001", "1,234.56"]], lines: [1, 2] }
 * ```
 */
export class CsvTokenizer {
  /**
   * The syntax error that stopped the tokenizer (IMPORT_CSV_SYNTAX with `details.line`, the
   * record's start line, and `details.column`, the 1-based cell), if any.
   */
  failure: JincaiError | undefined;
  private records: string[][] = [];
  private lines: number[] = [];
  private nextLine = 1;
  private rest = "";
  private pending: string[] = [];
  private wait = Wait.Any;
  // Within one scan: the next `\n`, `\r`, `"` and `,` at or after where each was last looked
  // for (the text's length when there is none), so no stretch of text is searched twice.
  private lf = -1;
  private cr = -1;
  private quote = -1;
  private comma = -1;

  /** Completed records not yet taken. */
  get size(): number {
    return this.records.length;
  }

  /**
   * Tokenizes the next piece of text; an incomplete last record is kept for the next piece.
   *
   * @param text - the next decoded chunk (may cut a record, a cell or a `\r\n` anywhere)
   * @example
   * ```ts
   * tokenizer.write("101001,办公");
   * ```
   */
  write(text: string): void {
    if (this.failure !== undefined || text.length === 0) return;
    const waiting =
      (this.wait === Wait.Quote && text.indexOf('"') === -1) ||
      (this.wait === Wait.Break && text.indexOf("\n") === -1 && text.indexOf("\r") === -1);
    if (waiting) {
      this.pending.push(text);
      return;
    }
    this.scan(this.joined(text), false);
  }

  /**
   * Ends the input: the last record may lack its line break; an open quote is an error.
   *
   * @example
   * ```ts
   * tokenizer.end();
   * if (tokenizer.failure) throw tokenizer.failure;
   * ```
   */
  end(): void {
    if (this.failure !== undefined) return;
    this.scan(this.joined(""), true);
  }

  /**
   * Hands out the completed records and their start lines, and forgets them.
   *
   * @returns the records completed since the last call
   * @example
   * ```ts
   * const { records, lines } = tokenizer.take();
   * ```
   */
  take(): RecordChunk {
    const chunk = { records: this.records, lines: this.lines };
    this.records = [];
    this.lines = [];
    return chunk;
  }

  private joined(text: string): string {
    if (this.pending.length === 0) return this.rest + text;
    const all = this.rest + this.pending.join("") + text;
    this.pending = [];
    return all;
  }

  private push(cells: string[], breaks: number): void {
    this.records.push(cells);
    this.lines.push(this.nextLine);
    this.nextLine += 1 + breaks;
  }

  /** Tokenizes `buf` from its start, keeping what is left over in `rest`. */
  private scan(buf: string, final: boolean): void {
    const len = buf.length;
    let pos = 0;
    this.lf = this.cr = this.quote = this.comma = -1;
    this.wait = Wait.Any;
    while (pos < len) {
      if (this.lf < pos) this.lf = find(buf, "\n", pos);
      if (this.cr < pos) this.cr = find(buf, "\r", pos);
      if (this.quote < pos) this.quote = find(buf, '"', pos);
      const cr = this.cr;
      const end = this.lf < cr ? this.lf : cr;
      if (this.quote < end) {
        const next = this.quotedRecord(buf, pos, final);
        if (next < 0) break;
        pos = next;
        continue;
      }
      if (end === len && !final) {
        this.wait = Wait.Break;
        break;
      }
      if (end === cr && end + 1 === len && !final) {
        this.wait = Wait.Any; // a `\n` may follow in the next chunk
        break;
      }
      // The fast path: a line without quotes, split on commas.
      const cells: string[] = [];
      let from = pos;
      for (;;) {
        if (this.comma < from) this.comma = find(buf, ",", from);
        const comma = this.comma;
        if (comma >= end) break;
        cells.push(buf.slice(from, comma));
        from = comma + 1;
      }
      cells.push(buf.slice(from, end));
      this.push(cells, 0);
      pos = end === len ? len : end + (end === cr && buf.charCodeAt(end + 1) === LF ? 2 : 1);
    }
    this.rest = pos < len && this.failure === undefined ? buf.slice(pos) : "";
  }

  /**
   * Reads one record holding a quote, starting at `start`. Returns the position after its line
   * break, {@link INCOMPLETE} (with `wait` set) or {@link FAILED} (with `failure` set).
   */
  private quotedRecord(buf: string, start: number, final: boolean): number {
    const len = buf.length;
    const cells: string[] = [];
    let breaks = 0;
    let i = start;
    for (;;) {
      let c: number;
      if (i < len && buf.charCodeAt(i) === QUOTE) {
        let value = "";
        let from = i + 1;
        for (;;) {
          const q = buf.indexOf('"', from);
          if (q === -1) {
            if (final) return this.fail("CSV_QUOTE_NOT_CLOSED", cells.length + 1);
            this.wait = Wait.Quote;
            return INCOMPLETE;
          }
          if (q + 1 === len && !final) {
            this.wait = Wait.Any; // `""` or a closing quote: the next character decides
            return INCOMPLETE;
          }
          if (buf.charCodeAt(q + 1) === QUOTE) {
            value += buf.slice(from, q + 1);
            from = q + 2;
            continue;
          }
          value += buf.slice(from, q);
          breaks += breaksIn(buf, i + 1, q);
          i = q + 1;
          break;
        }
        cells.push(value);
        if (i === len) break;
        c = buf.charCodeAt(i);
        if (c !== COMMA && c !== LF && c !== CR) return this.fail("CSV_INVALID_CLOSING_QUOTE", cells.length);
      } else if (i + 1 < len && buf.charCodeAt(i) === EQUALS && buf.charCodeAt(i + 1) === QUOTE) {
        // Excel's text formula ="0101", as exports keep codes and long numbers as text: the cell
        // is kept as written (the validator reads the text inside, see excel-text).
        let from = i + 2;
        let q: number;
        for (;;) {
          q = buf.indexOf('"', from);
          if (q === -1 || (q + 1 === len && !final)) {
            if (q === -1 && final) return this.fail("CSV_QUOTE_NOT_CLOSED", cells.length + 1);
            this.wait = q === -1 ? Wait.Quote : Wait.Any;
            return INCOMPLETE;
          }
          if (buf.charCodeAt(q + 1) !== QUOTE) break;
          from = q + 2;
        }
        breaks += breaksIn(buf, i + 2, q);
        cells.push(buf.slice(i, q + 1));
        i = q + 1;
        if (i === len) break;
        c = buf.charCodeAt(i);
        if (c !== COMMA && c !== LF && c !== CR) return this.fail("CSV_INVALID_CLOSING_QUOTE", cells.length);
      } else {
        const j = this.cellEnd(buf, i);
        c = j < len ? buf.charCodeAt(j) : -1;
        if (c === QUOTE) return this.fail("INVALID_OPENING_QUOTE", cells.length + 1);
        cells.push(buf.slice(i, j));
        i = j;
        if (i === len) {
          if (final) break;
          this.wait = Wait.Break;
          return INCOMPLETE;
        }
      }
      if (c === COMMA) {
        i++;
        continue;
      }
      if (c === CR) {
        if (i + 1 === len && !final) {
          this.wait = Wait.Any;
          return INCOMPLETE;
        }
        i += buf.charCodeAt(i + 1) === LF ? 2 : 1;
      } else i++;
      break;
    }
    this.push(cells, breaks);
    return i;
  }

  /** The first `,`, `\n`, `\r` or `"` at or after `from` (the text's length when none). */
  private cellEnd(buf: string, from: number): number {
    if (this.comma < from) this.comma = find(buf, ",", from);
    if (this.lf < from) this.lf = find(buf, "\n", from);
    if (this.cr < from) this.cr = find(buf, "\r", from);
    if (this.quote < from) this.quote = find(buf, '"', from);
    return Math.min(this.comma, this.lf, this.cr, this.quote);
  }

  private fail(csvCode: string, column: number): number {
    this.failure = new JincaiError(ImportIssueCode.CSV_SYNTAX, describe(csvCode), {
      details: { line: this.nextLine, column, csvCode },
    });
    return FAILED;
  }
}

function find(buf: string, char: string, from: number): number {
  const at = buf.indexOf(char, from);
  return at === -1 ? buf.length : at;
}

/** Line breaks in `buf[from, to)`: `\r\n`, `\n` and `\r` each count once. */
function breaksIn(buf: string, from: number, to: number): number {
  let count = 0;
  for (let j = from; j < to; j++) {
    const c = buf.charCodeAt(j);
    if (c === LF) count++;
    else if (c === CR && (j + 1 >= to || buf.charCodeAt(j + 1) !== LF)) count++;
  }
  return count;
}

function describe(csvCode: string): string {
  switch (csvCode) {
    case "CSV_QUOTE_NOT_CLOSED":
      return "a quoted cell opened in this record is never closed";
    case "CSV_INVALID_CLOSING_QUOTE":
      return "a closing quote is followed by text instead of a comma or the end of the line";
    default:
      return "a quote appears inside an unquoted cell (wrap the cell in quotes and double it)";
  }
}
