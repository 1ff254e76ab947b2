// Exit 70, an internal error (README "Exit codes"): a bug shows as one line on stderr and exit 70, never a stack trace
// (unless LEGCO_DEBUG asks for it). No input provokes a bug on purpose, so the rules' runner is made to throw here.
import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterEach, describe, expect, it, vi} from 'vitest'

vi.mock('../src/check/check.js', async (original) => ({
  ...(await original<typeof import('../src/check/check.js')>()),
  check: () => {
    throw new Error('a rule broke')
  }
}))

const {main} = await import('../src/cli/main.js')

describe('an internal error', () => {
  afterEach(() => {
    vi.restoreAllMocks()
    delete process.env.LEGCO_DEBUG
  })

  it('is exit 70 and one line on stderr naming it, no stack trace; LEGCO_DEBUG adds the stack', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'legco-internal-'))
    const path = join(dir, 'p.txt')
    writeFileSync(path, '1. One paragraph.\n')
    const written: string[] = []
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk))
      return true
    })
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true)
    expect(await main(['check', path, '-q'])).toBe(70)
    expect(written.join('').trimEnd().split('\n')).toEqual(['legco: internal error: a rule broke'])
    written.length = 0
    process.env.LEGCO_DEBUG = '1'
    expect(await main(['check', path, '-q'])).toBe(70)
    expect(written.join('')).toMatch(/^legco: internal error: a rule broke\nError: a rule broke\n\s+at /)
  })
})
