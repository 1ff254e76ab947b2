// The fuzz run (issue 10, item 6): LegCo-like text and raw unicode (test/helpers/legco-text.ts) through
// the library (parseText, parseDocument with text and with bytes, check, align) and the CLI, asserting
// no exception, positions inside the input and in order, schema-valid trees, nothing lost, and the
// Markdown round trip (our Markdown parses back to the same outline). A fixed seed, so that a run is
// repeatable and bounded to a few seconds; `FUZZ_SEED=n` and `FUZZ_RUNS=n` vary it (`npm run fuzz`
// runs it longer: 3,000 runs a property on a fresh seed). A failure prints its seed and the shrunk input: minimize it into
// fixtures/fuzz/ (test/fuzz-fixtures.test.ts parses each of those soundly).
import {spawnSync} from 'node:child_process'
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import fc from 'fast-check'
import iconv from 'iconv-lite'
import {afterAll, describe, expect, it} from 'vitest'
import {align} from '../src/align/index.js'
import {check} from '../src/check/index.js'
import {applyFixes, MAX_PASSES} from '../src/check/fix.js'
import {parse, parseDocument} from '../src/index.js'
import {parseText} from '../src/parse.js'
import {decode, isPdf} from '../src/read/decode.js'
import {looksLikeHtml} from '../src/read/html-sniff.js'
import {InputError} from '../src/read/input.js'
import type {Paper} from '../src/tree.js'
import {anyText, legcoText, paperText, rawText} from './helpers/legco-text.js'
import {outline, positionErrors, root, schemaErrors, unaccounted} from './helpers/tree.js'
import {expectMarkdownRoundTrip} from './helpers/sound.js'

/** `FUZZ_SEED=random` (as `npm run fuzz` sets it) takes a fresh one, printed in the test names to repeat a failure. */
const SEED = process.env.FUZZ_SEED === 'random' ? Date.now() % 2 ** 31 : process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : 20261203
/** Runs of each library property; the CLI's are a fiftieth of it (at least 2). */
const RUNS = process.env.FUZZ_RUNS ? Number(process.env.FUZZ_RUNS) : 100
const CLI_RUNS = Math.max(2, Math.round(RUNS / 50))
/** Each property's time limit: vitest's 30 s for the default runs, more for a long run. */
const TIMEOUT = Math.max(30_000, RUNS * 60)
const settings = (numRuns: number) => ({seed: SEED, numRuns})

const began = performance.now()
afterAll(() => {
  if (process.env.FUZZ_SEED || process.env.FUZZ_RUNS)
    process.stderr.write(`fuzz: seed ${SEED}, ${RUNS} runs a property, ${((performance.now() - began) / 1000).toFixed(1)} s\n`)
})

/** The problems of a tree read from `input`: positions, schema, nothing lost. */
function problems(input: string, tree: Paper): string[] {
  return [...positionErrors(input, tree), ...schemaErrors(tree), ...unaccounted(input, tree)]
}

/** `it` for a property: checked `runs` times under the seed, within the time limit. */
function itHolds<Ts>(name: string, property: fc.IProperty<Ts>, runs = RUNS, timeout = TIMEOUT): void {
  it(name, () => fc.assert(property, settings(runs)), timeout)
}

describe(`fuzz (seed ${SEED}, ${RUNS} runs a property)`, () => {
  itHolds(
    'parseText: LegCo-like text and raw unicode give a sound tree',
    fc.property(anyText, (input) => {
      const {tree} = parseText(input)
      expect(problems(input, tree)).toEqual([])
    }),
    RUNS * 2
  )

  it(
    'parseDocument: the text, and its bytes (UTF-8, UTF-16 with its BOM, Big5, GB18030), give sound trees of the text read; bytes that are no text an InputError',
    async () => {
      await fc.assert(
        fc.asyncProperty(anyText, fc.constantFrom('utf-8', 'utf-16le', 'big5', 'gb18030'), async (input, encoding) => {
          const fromText = await parseDocument(input, 'fuzz.txt')
          expect(problems(input, fromText.tree)).toEqual([])
          const bytes = encoding === 'utf-16le' ? Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(input, encoding)]) : iconv.encode(input, encoding)
          let fromBytes: Awaited<ReturnType<typeof parseDocument>>
          try {
            fromBytes = await parseDocument(bytes, 'fuzz.txt')
          } catch (error) {
            // Input that cannot be read at all (empty, binary, no known encoding) is the one thing thrown.
            expect(error).toBeInstanceOf(InputError)
            return
          }
          expect(schemaErrors(fromBytes.tree)).toEqual([])
          if (isPdf(bytes) || looksLikeHtml(bytes)) return
          // The tree is sound against the text as it was read (whatever encoding was detected) ...
          const read = decode(bytes)
          expect(read.ok).toBe(true)
          if (!read.ok) return
          expect(problems(read.text, fromBytes.tree)).toEqual([])
          // ... and where that is the text given, it is the text's tree.
          if (read.text === input) expect(outline(fromBytes.tree)).toEqual(outline(fromText.tree))
        }),
        settings(RUNS)
      )
    },
    TIMEOUT
  )

  itHolds(
    'check: no exception, every message placed inside the text, every fix a range of it',
    fc.property(anyText, (input) => {
      const {tree} = parseText(input)
      for (const message of check(tree, input)) {
        if (message.place) {
          const {start, end} = message.place
          expect(start.offset, message.ruleId).toBeGreaterThanOrEqual(0)
          expect(start.offset, message.ruleId).toBeLessThanOrEqual(end.offset)
          expect(end.offset, message.ruleId).toBeLessThanOrEqual(input.length)
        }
        if (message.fix) {
          const [from, to] = message.fix.range
          expect(0 <= from && from <= to && to <= input.length, message.ruleId).toBe(true)
        }
      }
    })
  )

  itHolds(
    'check --fix: each pass changes the text to one not seen before (no fix undoes another), keeps the line breaks, and the fixed text parses to a sound tree',
    fc.property(anyText, (input) => {
      // As `legco check --fix` applies them (src/check/fix.ts): a pass, then the text checked again, up to MAX_PASSES.
      const seen = new Set([input])
      const lineCount = (text: string) => text.split(/\r\n|\r|\n/).length
      let text = input
      for (let pass = 0; pass < MAX_PASSES; pass++) {
        const result = applyFixes(text, check(parseText(text).tree, text))
        if (result.applied.length === 0) break
        expect(seen.has(result.text), `pass ${pass + 1} gives an earlier text again`).toBe(false)
        seen.add(result.text)
        text = result.text
      }
      if (text === input) return
      expect(lineCount(text)).toBe(lineCount(input))
      expect(problems(text, parseText(text).tree)).toEqual([])
    })
  )

  itHolds(
    'align: two papers give an alignment that serialises, with no exception',
    fc.property(legcoText, anyText, (zh, en) => {
      const alignment = align(parseText(zh).tree, parseText(en).tree)
      expect(() => JSON.stringify(alignment)).not.toThrow()
      expect(Array.isArray(alignment.paragraphs)).toBe(true)
    }),
    Math.round(RUNS / 2)
  )

  itHolds(
    'Markdown round trip: our Markdown of a well-formed paper parses back to the same outline, with nothing lost',
    fc.property(paperText, (input) => {
      expectMarkdownRoundTrip(parseText(input).tree, outline)
    })
  )

  itHolds(
    'the CLI: parse (JSON, Markdown) and check on generated files: a schema-valid tree for each readable file, one line naming each other, no stack trace',
    fc.property(fc.array(anyText, {minLength: 1, maxLength: 6}), (texts) => {
      const dir = mkdtempSync(join(tmpdir(), 'legco-fuzz-'))
      try {
        // A file that is empty or only spaces cannot be read: give each a word. One the library refuses (binary), the CLI names on stderr.
        const files = texts.map((text, index) => ({name: join(dir, `p${index}.txt`), bytes: Buffer.from(`${text}\nx`, 'utf8')}))
        const unreadable = files.filter(({bytes}) => {
          try {
            parse(bytes)
            return false
          } catch (error) {
            expect(error).toBeInstanceOf(InputError)
            return true
          }
        })
        for (const {name, bytes} of files) writeFileSync(name, bytes)
        const run = (args: string[]) => spawnSync(process.execPath, [join(root, 'bin/legco.cjs'), ...args], {cwd: dir, timeout: 60_000, encoding: 'utf8'})
        const parsed = run(['parse', dir, '-f', 'ndjson', '-q'])
        expect(parsed.stderr).not.toMatch(/\n\s+at /)
        // A batch with a file that failed is exit 1.
        expect(parsed.status, parsed.stderr).toBe(unreadable.length ? 1 : 0)
        for (const {name} of unreadable) expect(parsed.stderr).toContain(`${name}: `)
        const trees = parsed.stdout
          .split('\n')
          .filter(Boolean)
          .map((line) => JSON.parse(line) as Paper)
        expect(trees).toHaveLength(files.length - unreadable.length)
        for (const tree of trees) expect(schemaErrors(tree)).toEqual([])
        const md = run(['parse', files[0]!.name, '-f', 'md', '-q'])
        expect(md.status, md.stderr).toBe(unreadable.includes(files[0]!) ? 2 : 0)
        const checked = run(['check', dir, '-f', 'json'])
        expect(checked.stderr).not.toMatch(/\n\s+at /)
        // (check: a file it cannot read is exit 2, in a batch too.)
        expect(unreadable.length ? [2] : [0, 1], checked.stderr).toContain(checked.status)
        if (!unreadable.length) expect(() => JSON.parse(checked.stdout)).not.toThrow()
      } finally {
        rmSync(dir, {recursive: true, force: true})
      }
    }),
    CLI_RUNS,
    TIMEOUT * 2
  )

  itHolds(
    'raw unicode alone (any code point, lone surrogates) gives a sound tree',
    fc.property(rawText, (input) => {
      expect(problems(input, parseText(input).tree)).toEqual([])
    })
  )
})
