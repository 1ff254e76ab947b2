#!/usr/bin/env node
/**
 * docs/rules.md from the rules' own documentation (`npm run build` runs it
 * after tsc; test/check.test.ts fails when the committed file is stale).
 *
 *   node scripts/rules-doc.mjs           write docs/rules.md
 *   node scripts/rules-doc.mjs --check   exit 1 if docs/rules.md is not what it would write
 *
 * The behaviour lock (scripts/lock.mjs) reads the examples through
 * readRuleDocs() and writes its own copies under .lock/.
 *
 * Sources, all in src/check/rules/ (read by the tests and this script only,
 * never by `legco check`: the CLI's start-up does not pay for them):
 *
 *   usage.md     the hand-written part: usage, formats, configuration, the library
 *   <rule-id>.md a rule's documentation and examples, beside its code
 *   pair.md      the four `--pair` rules (code in src/check/pair.ts)
 *   parse.md     the parser's own messages (raised in src/parse.ts)
 *
 * A rule's documentation, in the manner of remark-lint's `@example` blocks:
 *
 *   ### rule-id                                  one section per rule the file documents
 *
 *   What it flags and how to fix it (prose; the default severity is added
 *   from the registry, so it is written in one place).
 *
 *   #### Examples
 *
 *   ##### ok: `pass.txt`                          an input the rule passes
 *
 *   ```text
 *   …the paper…
 *   ```
 *
 *   ##### not ok: `flag-gap.txt`                  an input the rule flags
 *
 *   ```text
 *   …the paper…
 *   ```
 *
 *   ```text                                       exactly the messages, in order
 *   23:1  paragraph 4 follows 2: 3 is missing
 *   ```
 *
 *   Fixed by `--fix`:                            (a rule that fixes) the input as --fix leaves it
 *
 *   ```text
 *   …the fixed paper…
 *   ```
 *
 * A rule's prose says whether `--fix` fixes it (`**--fix**: …`). In a file that documents several rules (pair.md, parse.md) a message line
 * ends with its rule id (`24:1  message  pair-paragraphs`), as the text
 * formatter prints it. `##### ok: \`a.txt\` with \`--pair b.txt\`` checks a.txt
 * against the example named b.txt; `##### other version: \`b.txt\`` is an
 * input used only as another example's pair. The input is the fenced text
 * plus a final newline. test/check.test.ts runs every example once for each
 * rule of its file, that rule alone, and compares its messages with these.
 */
import {readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
export const RULE_DOCS = join(root, 'src/check/rules')
export const RULES_MD = join(root, 'docs/rules.md')
const USAGE = 'usage.md'

const EXAMPLE = /^##### (ok|not ok|other version): `([^`]+)`(?: with `--pair ([^`]+)`)?$/
const MESSAGE = /^(\d+):(\d+) {2}(.+)$/
/** The line before an example's third block: the text as `--fix` leaves it. */
export const FIXED = 'Fixed by `--fix`:'

/**
 * Every rule documentation file: its rules (ids in the order of their
 * `###` headings), its lines, and its examples.
 */
export function readRuleDocs(dir = RULE_DOCS) {
  const docs = []
  for (const file of readdirSync(dir)
    .filter((name) => name.endsWith('.md') && name !== USAGE)
    .sort()) {
    const text = readFileSync(join(dir, file), 'utf8')
    docs.push({file, name: file.replace(/\.md$/, ''), ...readDoc(text, file)})
  }
  return docs
}

function readDoc(text, file) {
  const lines = text.split('\n')
  const rules = []
  const examples = []
  let example = null
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]
    if (line.startsWith('```')) {
      const end = lines.indexOf('```', i + 1)
      if (end < 0) throw new Error(`${file}:${i + 1}: a code block that is not closed`)
      const body = lines.slice(i + 1, end)
      let before = i - 1
      while (before >= 0 && lines[before].trim() === '') before--
      if (example && lines[before] === FIXED) {
        if (example.fixed !== null) throw new Error(`${file}:${i + 1}: example ${example.name} has two fixed texts`)
        example.fixed = body.join('\n') + '\n'
      } else if (example && example.input === null) example.input = body.join('\n') + '\n'
      else if (example && example.messages === null) example.messages = body.map((l, k) => readMessage(l, `${file}:${i + 2 + k}`))
      else if (example) throw new Error(`${file}:${i + 1}: example ${example.name} has a third code block`)
      i = end
      continue
    }
    if (line.startsWith('#')) example = null
    const heading = /^### (\S+)$/.exec(line)
    if (heading) rules.push(heading[1])
    const match = EXAMPLE.exec(line)
    if (match) {
      example = {kind: match[1], name: match[2], pair: match[3] ?? null, line: i + 1, input: null, messages: null, fixed: null}
      examples.push(example)
    }
  }
  for (const ex of examples) {
    if (ex.input === null) throw new Error(`${file}:${ex.line}: example ${ex.name} has no input`)
    if (ex.kind === 'not ok' && !ex.messages?.length) throw new Error(`${file}:${ex.line}: not-ok example ${ex.name} lists no messages`)
    if (ex.kind !== 'not ok' && ex.messages) throw new Error(`${file}:${ex.line}: ${ex.kind} example ${ex.name} lists messages`)
    ex.messages ??= []
    for (const message of ex.messages) {
      if (rules.length === 1) message.rule = rules[0]
      else {
        // In a file of several rules a message line ends with its rule id.
        const cut = message.reason.lastIndexOf('  ')
        message.rule = cut < 0 ? null : message.reason.slice(cut + 2)
        if (!rules.includes(message.rule)) throw new Error(`${file}:${ex.line}: a message of ${ex.name} does not end with one of ${rules.join(', ')}`)
        message.reason = message.reason.slice(0, cut)
      }
    }
    if (ex.fixed !== null && ex.kind !== 'not ok') throw new Error(`${file}:${ex.line}: ${ex.kind} example ${ex.name} has a fixed text`)
    if (ex.pair && !examples.some((other) => other.name === ex.pair)) throw new Error(`${file}:${ex.line}: no example named ${ex.pair} to pair with`)
  }
  return {rules, lines, examples}
}

function readMessage(line, where) {
  const match = MESSAGE.exec(line)
  if (!match) throw new Error(`${where}: not a message line (line:column  message): ${line}`)
  return {line: Number(match[1]), column: Number(match[2]), reason: match[3], rule: null}
}

/** `line:column  message`, as examples write it. */
export function messageLine(message) {
  return `${message.line}:${message.column}  ${message.reason}`
}

function anchor(id) {
  return id
    .toLowerCase()
    .replace(/[^a-z0-9 -]/g, '')
    .replace(/ /g, '-')
}

function note(meta) {
  if (meta.category === 'pair') return '(`--pair`) '
  if (meta.category === 'parse') return '(parser) '
  return ''
}

/**
 * docs/rules.md for the given rule metadata (the registry's ALL_RULES:
 * id, severity, category, summary, in the order the table lists them).
 */
export function renderRulesDoc(allRules, dir = RULE_DOCS) {
  const docs = readRuleDocs(dir)
  const byRule = new Map()
  for (const doc of docs) for (const id of doc.rules) byRule.set(id, doc)
  const meta = new Map(allRules.map((rule) => [rule.id, rule]))
  const out = [
    '<!-- Generated by scripts/rules-doc.mjs (npm run build) from src/check/rules/*.md: edit those, not this file. -->',
    '',
    readFileSync(join(dir, USAGE), 'utf8').trimEnd(),
    '',
    '## Rules',
    '',
    '| id | default | what it flags |',
    '|---|---|---|',
    ...allRules.map((rule) => `| [\`${rule.id}\`](#${anchor(rule.id)}) | ${rule.severity} | ${note(rule)}${rule.summary} |`),
    '',
    'Each rule is documented in `src/check/rules/<rule-id>.md` (the pair rules in',
    "`pair.md`, the parser's messages in `parse.md`), with examples it passes",
    '(ok) and flags (not ok) and the exact messages (`line:column  message`) of',
    'each. The tests run every example with that rule alone; this file is',
    'generated from them by `scripts/rules-doc.mjs` (`npm run build`).'
  ]
  const done = new Set()
  for (const rule of allRules) {
    const doc = byRule.get(rule.id)
    if (!doc || done.has(doc)) continue
    done.add(doc)
    out.push('', ...renderDoc(doc, meta))
  }
  return (
    out
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trimEnd() + '\n'
  )
}

function renderDoc(doc, meta) {
  const out = []
  const several = doc.rules.length > 1
  let pendingDefault = null
  let example = null
  let blocks = 0
  for (let i = 0; i < doc.lines.length; i++) {
    const line = doc.lines[i]
    if (line.startsWith('```')) {
      const end = doc.lines.indexOf('```', i + 1)
      const body = doc.lines.slice(i + 1, end)
      if (example && blocks === 0) {
        const width = String(body.length).length
        out.push(
          `<details><summary><code>${example.name}</code></summary>`,
          '',
          '```text',
          ...body.map((l, k) => `${String(k + 1).padStart(width)}  ${l}`.trimEnd()),
          '```',
          '',
          '</details>'
        )
        if (example.kind === 'ok') out.push('', several ? 'No messages from any of these rules.' : 'No messages.')
        if (example.kind === 'other version') out.push('', 'The other version, for `--pair`.')
      } else if (example && blocks === 1) {
        out.push('', ...(example.kind === 'not ok' ? ['Messages:', ''] : []), ...doc.lines.slice(i, end + 1))
      } else out.push(...doc.lines.slice(i, end + 1))
      if (example) blocks++
      i = end
      continue
    }
    if (line.startsWith('#')) example = null
    const heading = /^### (\S+)$/.exec(line)
    if (heading) pendingDefault = meta.get(heading[1])?.severity ?? null
    else if (pendingDefault && line.trim() !== '') {
      out.push(`**Default: ${pendingDefault}.** ${line}`)
      pendingDefault = null
      continue
    }
    if (EXAMPLE.test(line)) {
      example = doc.examples.find((ex) => ex.line === i + 1)
      blocks = 0
    }
    out.push(line)
  }
  return out
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const {ALL_RULES} = await import(pathToFileURL(join(root, 'dist/check/registry.js')).href)
  const text = renderRulesDoc(ALL_RULES)
  if (process.argv.includes('--check')) {
    if (readFileSync(RULES_MD, 'utf8') !== text) {
      console.error('docs/rules.md is stale: run node scripts/rules-doc.mjs')
      process.exit(1)
    }
  } else {
    writeFileSync(RULES_MD, text)
  }
}
