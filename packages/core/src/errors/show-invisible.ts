/**
 * Text as a message may show it: the characters a terminal draws as nothing, or as a plain space,
 * written as escapes a reader can see. An id pasted from a web page or a Word export often carries
 * one (a zero-width space after `ZB1`, a no-break space, a right-to-left mark), and `no quota ZB1`
 * beside a quota that plainly exists leaves the user no way to see why.
 */

/**
 * Control characters (C0 but the line feed, DEL, C1), no-break and other odd spaces, zero-width
 * characters and joiners, bidirectional marks, embeddings and isolates, the byte order mark,
 * fillers that draw as nothing, and Unicode tag characters.
 */
const INVISIBLE =
  /[\u0000-\u0009\u000b-\u001f\u007f-\u00a0\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3164\ufeff\uffa0\ufff9-\ufffb]|\udb40[\udc00-\udc7f]/g;

/**
 * Writes each invisible character of `text` as an escape (`\u200b`, `\u00a0`, `\u{e0041}` for a
 * tag character), so a message quoting a value from the input shows why two ids that look alike
 * differ. A line feed is kept (messages may span lines); everything else is returned as is, and
 * text without such a character is returned unchanged, without copying.
 *
 * @param text - A message, or a value from the input to put into one.
 * @returns The text with its invisible characters escaped.
 * @example
 * ```ts
 * showInvisible("no quota ZB1\u200b"); // "no quota ZB1\\u200b"
 * showInvisible("101001\u00a0");       // "101001\\u00a0"
 * showInvisible("市政府办公室本级");     // "市政府办公室本级"
 * ```
 */
export function showInvisible(text: string): string {
  INVISIBLE.lastIndex = 0;
  if (!INVISIBLE.test(text)) return text;
  INVISIBLE.lastIndex = 0;
  return text.replace(INVISIBLE, (c) => {
    const code = c.codePointAt(0)!;
    return code > 0xffff ? `\\u{${code.toString(16)}}` : `\\u${code.toString(16).padStart(4, "0")}`;
  });
}
