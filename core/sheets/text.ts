/**
 * Decodes a text file as Excel and the survey services write it: UTF-8 with
 * or without a byte-order mark, UTF-16 with its mark ("Unicode text"), and
 * otherwise GB18030 (a superset of GBK), which Excel on Chinese Windows uses
 * for "CSV (逗号分隔)". Bytes that are valid UTF-8 are taken as UTF-8.
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}
