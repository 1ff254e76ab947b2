// Bytes to text: encodings detected (with and without BOM), and clear verdicts on bad input.
import {readFileSync} from 'node:fs'
import fc from 'fast-check'
import iconv from 'iconv-lite'
import {describe, expect, it} from 'vitest'
import {commonHanziScore} from '../src/lang/common-hanzi.js'
import {decode, isPdf, type Decoded, type Encoding} from '../src/read/decode.js'

const TRAD = [
  '立法會 Legislative Council',
  '立法會 CB(1)369/2024(05)號文件',
  '檔號：CB1/PL/ITB',
  '資訊科技及廣播事務委員會',
  '目的',
  '本文件提供有關政府當局成立“數字政策辦公室”的背景資料，並概述議員所表達的主要意見。',
  '背景',
  '2. 政府當局在 2022 年底發表的《香港創新科技發展藍圖》強調“推動數字經濟發展”。',
  ''
].join('\n')

const SIMP = [
  '立法会 CB(4)123/2023(02)号文件',
  '目的',
  '本文件概述议员就有关议题进行过往的讨论，并提供相关的背景资料。',
  '背景',
  '2. 政府当局于 2023 年发表施政报告，提出加快发展数字经济。',
  '过往的讨论',
  '3. 委员会在会议上讨论了有关事宜。',
  ''
].join('\n')

const seed = readFileSync(new URL('../seeds/000_457f1a1b5f7781dd.txt', import.meta.url), 'utf8')

const BOM: Record<string, number[]> = {
  'utf-8': [0xef, 0xbb, 0xbf],
  'utf-16le': [0xff, 0xfe],
  'utf-16be': [0xfe, 0xff],
  gb18030: [0x84, 0x31, 0x95, 0x33]
}

/** `encoding`: one of ours, or any other iconv-lite name (windows-1252, shift_jis, ...). */
function encode(text: string, encoding: Encoding | string, withBom = false): Uint8Array {
  const body = iconv.encode(text, encoding === 'utf-8' ? 'utf8' : encoding)
  const bom = withBom ? BOM[encoding]! : []
  const out = new Uint8Array(bom.length + body.length)
  out.set(bom, 0)
  out.set(body, bom.length)
  return out
}

function expectText(result: Decoded, text: string, encoding: Encoding, bom: boolean): void {
  expect(result).toEqual({ok: true, text, encoding, bom})
}

function expectFailure(result: Decoded, reason: string): string {
  expect(result.ok).toBe(false)
  if (result.ok) return ''
  expect(result.reason).toBe(reason)
  expect(result.message).not.toMatch(/\n/)
  expect(result.message.length).toBeGreaterThan(0)
  return result.message
}

function bytes(...values: number[]): Uint8Array {
  return new Uint8Array(values)
}

/** Deterministic pseudo-random bytes (xorshift32). */
function randomBytes(length: number, seedValue: number): Uint8Array {
  const out = new Uint8Array(length)
  let x = seedValue >>> 0 || 1
  for (let i = 0; i < length; i++) {
    x ^= x << 13
    x >>>= 0
    x ^= x >>> 17
    x ^= x << 5
    x >>>= 0
    out[i] = x & 0xff
  }
  return out
}

describe('Chinese legacy encodings', () => {
  it('decodes Traditional Chinese in Big5', () => {
    expectText(decode(encode(TRAD, 'big5')), TRAD, 'big5', false)
  })

  it('decodes Traditional Chinese in GB18030', () => {
    expectText(decode(encode(TRAD, 'gb18030')), TRAD, 'gb18030', false)
  })

  it('decodes Simplified Chinese in GB18030', () => {
    expectText(decode(encode(SIMP, 'gb18030')), SIMP, 'gb18030', false)
  })

  it('decodes a single Big5 line and a single GB18030 line', () => {
    expectText(decode(encode('目的', 'big5')), '目的', 'big5', false)
    expectText(decode(encode('过往的讨论', 'gb18030')), '过往的讨论', 'gb18030', false)
  })

  it('honours a GB18030 byte order mark (84 31 95 33) and drops it from the text', () => {
    expectText(decode(encode(SIMP, 'gb18030', true)), SIMP, 'gb18030', true)
  })
})

describe('Unicode encodings', () => {
  for (const [name, text] of [
    ['Traditional', TRAD],
    ['Simplified', SIMP]
  ] as const) {
    it(`decodes ${name} Chinese in UTF-8, without and with BOM`, () => {
      expectText(decode(encode(text, 'utf-8')), text, 'utf-8', false)
      expectText(decode(encode(text, 'utf-8', true)), text, 'utf-8', true)
    })

    for (const encoding of ['utf-16le', 'utf-16be'] as const) {
      it(`decodes ${name} Chinese in ${encoding}, with and without BOM`, () => {
        expectText(decode(encode(text, encoding, true)), text, encoding, true)
        expectText(decode(encode(text, encoding)), text, encoding, false)
      })
    }
  }

  it('returns text without the BOM, so offsets count from the first character after it', () => {
    const result = decode(encode('目的', 'utf-8', true))
    expect(result.ok && result.text).toBe('目的')
    expect(result.ok && result.text.charCodeAt(0)).toBe(0x76ee)
  })

  it('keeps a second U+FEFF after the BOM: only the BOM itself is dropped', () => {
    expectText(decode(encode('\ufeff目的', 'utf-8', true)), '\ufeff目的', 'utf-8', true)
    expectText(decode(encode('\ufeff目的', 'utf-16le', true)), '\ufeff目的', 'utf-16le', true)
  })

  it('detects BOM-less UTF-16 of English text from its zero bytes', () => {
    const text = 'Legislative Council Panel on Information Technology and Broadcasting\nPurpose\n'
    expectText(decode(encode(text, 'utf-16le')), text, 'utf-16le', false)
    expectText(decode(encode(text, 'utf-16be')), text, 'utf-16be', false)
  })

  it('detects BOM-less UTF-16 of Chinese text that has no zero bytes at all', () => {
    const text = '立法會資訊科技及廣播事務委員會目的背景'
    expect(encode(text, 'utf-16le').includes(0)).toBe(false)
    expectText(decode(encode(text, 'utf-16le')), text, 'utf-16le', false)
    expectText(decode(encode(text, 'utf-16be')), text, 'utf-16be', false)
  })

  it('decodes plain ASCII as UTF-8', () => {
    expectText(decode(encode('LC Paper No. CB(1)369/2024(05)\n', 'utf-8')), 'LC Paper No. CB(1)369/2024(05)\n', 'utf-8', false)
  })
})

describe('the seed paper in legacy encodings', () => {
  // Every character of the seed has a Big5 and a GB18030 form (“ ” are Big5 A1A7/A1A8),
  // so the encoded seed must decode back to the identical string.
  for (const encoding of ['big5', 'gb18030'] as const) {
    it(`decodes the seed encoded as ${encoding} back to the identical string`, () => {
      const encoded = encode(seed, encoding)
      expect(iconv.decode(Buffer.from(encoded), encoding)).toBe(seed) // the encoder loses nothing
      const result = decode(encoded)
      expect(result.ok && result.encoding).toBe(encoding)
      expect(result.ok && result.text === seed).toBe(true)
    })
  }

  it('scores the right reading far above the wrong one', () => {
    const big5 = encode(seed, 'big5')
    const gb = encode(seed, 'gb18030')
    const right = commonHanziScore(new TextDecoder('big5').decode(big5)).score
    const big5AsGb = commonHanziScore(new TextDecoder('gb18030').decode(big5)).score
    const gbAsBig5 = commonHanziScore(new TextDecoder('big5').decode(gb)).score
    expect(right).toBeGreaterThan(0.8) // measured 0.880
    expect(commonHanziScore(new TextDecoder('gb18030').decode(gb)).score).toBeCloseTo(right, 6)
    expect(big5AsGb).toBeLessThan(0.3) // measured 0.210
    expect(gbAsBig5).toBeLessThan(0.1) // measured 0.032 (and the fatal Big5 decoder rejects it)
  })

  it('reports Big5 with a bad byte past the scored sample as invalid Big5', () => {
    const big5 = encode(seed, 'big5')
    const copies = Math.ceil(70_000 / big5.length)
    const input = new Uint8Array(big5.length * copies + 1)
    for (let i = 0; i < copies; i++) input.set(big5, i * big5.length)
    input[input.length - 1] = 0xff
    expect(expectFailure(decode(input), 'unknown-encoding')).toMatch(/Big5/)
  })
})

describe('empty input', () => {
  it('rejects zero bytes', () => {
    expect(expectFailure(decode(new Uint8Array(0)), 'empty')).toBe('input is empty')
  })

  it('rejects whitespace only, in any encoding', () => {
    expectFailure(decode(encode(' \n\t\r\n  ', 'utf-8')), 'empty')
    expectFailure(decode(encode('\u3000\u3000\n', 'utf-8')), 'empty')
    expectFailure(decode(encode('  \n', 'utf-16le')), 'empty')
    expectFailure(decode(encode('  \n', 'utf-16be', true)), 'empty')
  })

  it('rejects a byte order mark with nothing after it', () => {
    expectFailure(decode(bytes(0xef, 0xbb, 0xbf)), 'empty')
    expectFailure(decode(bytes(0xff, 0xfe)), 'empty')
  })
})

describe('binary input', () => {
  it('rejects random bytes with NULs and says where the first NUL is', () => {
    const data = randomBytes(4096, 20240408)
    data[12] = 0
    for (let i = 0; i < 12; i++) if (data[i] === 0) data[i] = 1
    expect(expectFailure(decode(data), 'binary')).toBe('input looks binary (NUL bytes at offset 12)')
  })

  it('rejects a PNG header', () => {
    // signature + IHDR chunk of a 1x1 RGBA image
    const png = bytes(
      0x89,
      0x50,
      0x4e,
      0x47,
      0x0d,
      0x0a,
      0x1a,
      0x0a,
      0,
      0,
      0,
      13,
      0x49,
      0x48,
      0x44,
      0x52,
      0,
      0,
      0,
      1,
      0,
      0,
      0,
      1,
      8,
      6,
      0,
      0,
      0,
      0x1f,
      0x15,
      0xc4,
      0x89
    )
    expectFailure(decode(png), 'binary')
  })

  it('rejects the bare PNG signature (no NUL, but a control byte in 8)', () => {
    expectFailure(decode(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)), 'binary')
  })

  it('rejects text full of control characters', () => {
    expect(expectFailure(decode(encode('a\u0001b\u0002c\u0003d\u0004', 'utf-8')), 'binary')).toMatch(/control characters/)
  })

  it('allows tab, form feed and CRLF', () => {
    const text = '目的\r\n\f背景\t2.\r\n'
    expectText(decode(encode(text, 'utf-8')), text, 'utf-8', false)
    expectText(decode(encode(text, 'big5')), text, 'big5', false)
  })

  it('rejects UTF-16 whose characters include NUL', () => {
    expectFailure(decode(encode('目的\u0000\u0000背景', 'utf-16le', true)), 'binary')
    expectFailure(decode(bytes(0x01, 0x00, 0x02, 0x00, 0x03, 0x00, 0x00, 0x00)), 'binary')
  })

  it('rejects NUL bytes in text that is not UTF-16', () => {
    expect(expectFailure(decode(encode('目的\u0000背景', 'utf-8')), 'binary')).toBe('input looks binary (NUL bytes at offset 6)')
    expectFailure(decode(encode('目的\u0000', 'utf-8', true)), 'binary')
  })
})

describe('unknown encodings', () => {
  it('rejects Windows-1252 French text', () => {
    // é, è, à, ç are single high bytes followed by ASCII: not UTF-8, and "é " / "é," are invalid in Big5 and GB18030.
    const french = "Le comité a été informé du coût de la réforme.\nÇa coûte 5 €, déjà payé à l'avance.\n"
    const message = expectFailure(decode(encode(french, 'windows-1252')), 'unknown-encoding')
    expect(message).toBe('unknown text encoding: not UTF-8, UTF-16, Big5 or GB18030')
  })

  it('rejects Shift_JIS Japanese text', () => {
    const japanese = '日本語のテキストです。東京都の会議は明日行われます。\n'
    expectFailure(decode(encode(japanese, 'shift_jis')), 'unknown-encoding')
  })

  it('rejects UTF-32 with a clear message', () => {
    const utf32 = bytes(0xff, 0xfe, 0, 0, 0x2e, 0x4e, 0, 0)
    expect(expectFailure(decode(utf32), 'unknown-encoding')).toMatch(/UTF-32/)
  })

  it('rejects a UTF-8 BOM followed by invalid UTF-8', () => {
    expect(expectFailure(decode(bytes(0xef, 0xbb, 0xbf, 0x41, 0xff, 0x42)), 'unknown-encoding')).toMatch(/byte order mark/)
  })

  it('points at the first bad byte of UTF-8 with a stray byte', () => {
    const good = new TextEncoder().encode(TRAD)
    const input = new Uint8Array(good.length + 1)
    input.set(good.subarray(0, 30), 0)
    input[30] = 0xe9 // a Windows-1252 "é" pasted into UTF-8
    input.set(good.subarray(30), 31)
    expect(expectFailure(decode(input), 'unknown-encoding')).toMatch(/UTF-8.*offset 30/)
  })
})

describe('isPdf', () => {
  it('finds %PDF- within the first 1024 bytes', () => {
    expect(isPdf(encode('%PDF-1.7\n%\u00e2\u00e3\n', 'utf-8'))).toBe(true)
    const late = new Uint8Array(1100).fill(0x20)
    late.set(encode('%PDF-1.4', 'utf-8'), 1000)
    late.set(encode('%%EOF\n', 'utf-8'), 1094)
    expect(isPdf(late)).toBe(true)
  })

  it('takes a text file that mentions %PDF- in its first kilobyte for text (no %%EOF at its end)', () => {
    expect(isPdf(encode('Attachments are sent as %PDF-1.7 files.\nSecond line.\n', 'utf-8'))).toBe(false)
    const late = new Uint8Array(1100).fill(0x20)
    late.set(encode('%PDF-1.4', 'utf-8'), 1000)
    expect(isPdf(late)).toBe(false)
  })

  it('does not look further, nor accept near misses', () => {
    const tooLate = new Uint8Array(1200).fill(0x20)
    tooLate.set(encode('%PDF-1.4', 'utf-8'), 1024)
    expect(isPdf(tooLate)).toBe(false)
    expect(isPdf(encode('%PDF', 'utf-8'))).toBe(false)
    expect(isPdf(encode(TRAD, 'utf-8'))).toBe(false)
    expect(isPdf(new Uint8Array(0))).toBe(false)
  })
})

describe('properties', () => {
  it('never throws on arbitrary bytes, and always gives a well-formed verdict', () => {
    fc.assert(
      fc.property(fc.uint8Array({maxLength: 2048}), (data) => {
        const result = decode(data)
        if (result.ok) {
          expect(['utf-8', 'utf-16le', 'utf-16be', 'big5', 'gb18030']).toContain(result.encoding)
          expect(typeof result.text).toBe('string')
          expect(result.text.trim()).not.toBe('')
        } else {
          expect(['empty', 'binary', 'unknown-encoding']).toContain(result.reason)
          expect(result.message).toMatch(/^[^\n]+$/)
        }
      }),
      {numRuns: 2000}
    )
  })

  it('gives back any text encoded as UTF-8 or UTF-16 with a BOM, unless it is empty or binary', () => {
    fc.assert(
      fc.property(fc.string({unit: 'binary', minLength: 1}), fc.constantFrom('utf-8', 'utf-16le', 'utf-16be') as fc.Arbitrary<Encoding>, (text, encoding) => {
        const result = decode(encode(text, encoding, true))
        if (result.ok) expect(result).toEqual({ok: true, text, encoding, bom: true})
        else if (encoding === 'utf-16le' && text.startsWith('\u0000'))
          expect(result.reason).not.toBe('empty') // FF FE 00 00 is the UTF-32LE BOM
        else expect(['empty', 'binary']).toContain(result.reason)
      }),
      {numRuns: 1000}
    )
  })

  it('gives back LegCo-style Chinese lines encoded as Big5 or GB18030', () => {
    const traditional = [
      '立法會',
      '議員',
      '政府當局',
      '委員會',
      '目的',
      '背景',
      '資料',
      '文件',
      '數字政策辦公室',
      '香港',
      '發展',
      '經濟',
      '推動',
      '服務',
      '過往的討論',
      '會議',
      '施政報告',
      '小組委員會'
    ]
    const simplified = [
      '立法会',
      '议员',
      '政府当局',
      '委员会',
      '目的',
      '背景',
      '资料',
      '文件',
      '数字政策办公室',
      '香港',
      '发展',
      '经济',
      '推动',
      '服务',
      '过往的讨论',
      '会议',
      '施政报告',
      '小组委员会'
    ]
    const other = [' ', '\n', '，', '。', '（', '）', '2024', 'CB(1)', '“', '”', '《', '》', '、', '：']
    const line = (words: string[]) =>
      fc
        .array(fc.oneof({weight: 3, arbitrary: fc.constantFrom(...words)}, {weight: 1, arbitrary: fc.constantFrom(...other)}), {minLength: 8, maxLength: 40})
        .map((parts) => parts.join(''))
        .filter((text) => /[\u4e00-\u9fff]/.test(text))
    fc.assert(
      fc.property(
        fc.oneof(
          line(traditional).map((text) => [text, 'big5'] as const),
          line(traditional).map((text) => [text, 'gb18030'] as const),
          line(simplified).map((text) => [text, 'gb18030'] as const)
        ),
        ([text, encoding]) => {
          expect(decode(encode(text, encoding))).toEqual({ok: true, text, encoding, bom: false})
        }
      ),
      {numRuns: 5000}
    )
  })
})

describe('Big5 with Hong Kong characters (HKSCS)', () => {
  // Node's ICU 'big5' decoder is Windows-950 flavoured: HKSCS characters such as 嘅 (Big5-HKSCS 9D EE) come out as U+ECD0.
  it('maps 嘅 㗎 啲 to Unicode, not to Private Use code points', () => {
    const text = '立法會CB(3)662/2026(351)號文件\n\n我們知道你們在保住個牌嘅牌價，有啲人話係㗎。\n'
    const decoded = decode(encode(text, 'big5hkscs'))
    expect(decoded.ok && decoded.encoding).toBe('big5')
    expect(decoded.ok && decoded.text).toBe(text)
    expect(decoded.ok && /[\ue000-\uf8ff]/.test(decoded.text)).toBe(false)
  })
})

describe('speed', () => {
  it('decodes 8 MB of Big5 quickly (the score looks only at the first 64 KB)', () => {
    const big5 = encode(seed, 'big5')
    const copies = Math.ceil((8 << 20) / big5.length)
    const input = new Uint8Array(big5.length * copies)
    for (let i = 0; i < copies; i++) input.set(big5, i * big5.length)
    const start = performance.now()
    const result = decode(input)
    const ms = performance.now() - start
    expect(result.ok && result.encoding).toBe('big5')
    expect(ms).toBeLessThan(3000)
  })
})
