/**
 * Text back to bytes in the encoding it was read from (for `check --fix`):
 * UTF-8, UTF-16LE/BE, Big5 or GB18030, with its byte order mark if it had
 * one, line ends as they are in the text. Never a silent conversion: the
 * bytes are given only when the original text encodes back to exactly the
 * original bytes and the new bytes read back as the new text, in the same
 * encoding; otherwise the reason, for the user.
 */
import {createRequire} from 'node:module'
import {decode, type Encoding} from './decode.js'

const BOMS: Record<Encoding, number[]> = {
  'utf-8': [0xef, 0xbb, 0xbf],
  'utf-16le': [0xff, 0xfe],
  'utf-16be': [0xfe, 0xff],
  big5: [],
  gb18030: [0x84, 0x31, 0x95, 0x33]
}

const NAMES: Record<Encoding, string> = {'utf-8': 'UTF-8', 'utf-16le': 'UTF-16LE', 'utf-16be': 'UTF-16BE', big5: 'Big5', gb18030: 'GB18030'}

function iconv(): {encode(text: string, encoding: string): Buffer} {
  const load = typeof require === 'function' ? require : createRequire(import.meta.url)
  return load('iconv-lite') as {encode(text: string, encoding: string): Buffer}
}

function encodeBody(text: string, encoding: Encoding): Uint8Array {
  switch (encoding) {
    case 'utf-8':
      return Buffer.from(text, 'utf8')
    case 'utf-16le':
      return Buffer.from(text, 'utf16le')
    case 'utf-16be':
      return Buffer.from(text, 'utf16le').swap16()
    case 'big5':
      // The HKSCS table is a superset of the one Node reads plain Big5 with; the round trip below proves the bytes.
      return iconv().encode(text, 'big5hkscs')
    case 'gb18030':
      return iconv().encode(text, 'gb18030')
  }
}

function encodeWhole(text: string, encoding: Encoding, bom: boolean): Uint8Array {
  const body = encodeBody(text, encoding)
  if (!bom) return body
  return Buffer.concat([Buffer.from(BOMS[encoding]), body])
}

function same(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.from(a.buffer, a.byteOffset, a.length).equals(Buffer.from(b.buffer, b.byteOffset, b.length))
}

/** The bytes of `after`, in the encoding `original` was read in, or why they cannot be written without changing it. */
export function encodeLike(original: Uint8Array, after: string): {bytes: Uint8Array} | {problem: string} {
  const read = decode(original)
  if (!read.ok) return {problem: read.message}
  const name = NAMES[read.encoding]
  if (!same(encodeWhole(read.text, read.encoding, read.bom), original))
    return {problem: `written back as ${name}, its bytes would not be the ones it was read from; fix it by hand, or convert it to UTF-8 first`}
  const bytes = encodeWhole(after, read.encoding, read.bom)
  const back = decode(bytes)
  if (!back.ok || back.text !== after || back.encoding !== read.encoding)
    return {problem: `the fixed text cannot be written in ${name} and read back the same; fix it by hand, or convert it to UTF-8 first`}
  return {bytes}
}
