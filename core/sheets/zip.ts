import { sheetError } from './errors';

/**
 * The table of contents of a .zip file (an .xlsx is one), read from its
 * central directory without inflating anything, so that sizes can be checked
 * before a single byte is decompressed.
 */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  compressedSize: number;
  /** As the file declares it; the inflater must hold the file to it. */
  size: number;
  /** Where the compressed bytes start in the file. */
  dataOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX_ENTRIES = 10_000;

const unreadable = () =>
  sheetError('无法读取这个 Excel 文件：文件已损坏，或不是 .xlsx 格式。请在 Excel 中打开后“另存为” .xlsx 再导入。', 'Not a readable .xlsx (zip) file.');

export function readZipDirectory(bytes: Uint8Array): Map<string, ZipEntry> {
  // D0 CF 11 E0: an OLE compound file, which is what an old .xls and a password-protected .xlsx are.
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    sheetError(
      '这个文件是旧版 .xls 格式，或设置了打开密码。请在 Excel 中取消密码，并“另存为” .xlsx 后再导入。',
      'An old .xls file or a password-protected workbook: save it as .xlsx without a password.',
    );
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => (at + 2 <= bytes.length ? view.getUint16(at, true) : unreadable());
  const u32 = (at: number) => (at + 4 <= bytes.length ? view.getUint32(at, true) : unreadable());
  // The end record sits in the last 22 bytes plus a comment of up to 64 KB.
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (view.getUint32(at, true) === EOCD) {
      end = at;
      break;
    }
  }
  if (end < 0) unreadable();
  const count = u16(end + 10);
  const directoryOffset = u32(end + 16);
  if (count === 0xffff || directoryOffset === 0xffffffff) {
    sheetError('这个 Excel 文件的格式过大（ZIP64），无法导入。请删除不需要的工作表后另存为 .xlsx 再试。', 'ZIP64 archives are not supported.');
  }
  if (count > MAX_ENTRIES) sheetError('这个 Excel 文件的结构异常（内含文件过多），无法导入。', 'Too many entries in the archive.');
  const entries = new Map<string, ZipEntry>();
  const names = new TextDecoder('utf-8');
  let at = directoryOffset;
  for (let i = 0; i < count; i++) {
    if (u32(at) !== CENTRAL) unreadable();
    const flags = u16(at + 8);
    const method = u16(at + 10);
    const compressedSize = u32(at + 20);
    const size = u32(at + 24);
    const nameLength = u16(at + 28);
    const extraLength = u16(at + 30);
    const commentLength = u16(at + 32);
    const localOffset = u32(at + 42);
    if (at + 46 + nameLength > bytes.length) unreadable();
    const name = names.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    if (flags & 1) sheetError('这个 Excel 文件设置了密码，无法读取。请在 Excel 中取消密码保护后另存，再导入。', 'The workbook is encrypted.');
    if (u32(localOffset) !== LOCAL) unreadable();
    const dataOffset = localOffset + 30 + u16(localOffset + 26) + u16(localOffset + 28);
    if (dataOffset + compressedSize > bytes.length) unreadable();
    entries.set(name, { name, method, compressedSize, size, dataOffset });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}
