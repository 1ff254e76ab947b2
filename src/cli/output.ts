/**
 * Where results go: stdout for data, stderr for messages, files written
 * whole or not at all (a temporary file beside the target, then a rename).
 */
import {open, rename, unlink} from 'node:fs/promises'
import {basename, dirname, join} from 'node:path'
import type {Message} from '../message.js'

export async function writeAtomic(path: string, data: string): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`)
  const handle = await open(temp, 'w')
  try {
    await handle.writeFile(data)
    await handle.sync()
  } catch (error) {
    await handle.close().catch(() => {})
    await unlink(temp).catch(() => {})
    throw error
  }
  await handle.close()
  try {
    await rename(temp, path)
  } catch (error) {
    await unlink(temp).catch(() => {})
    throw error
  }
}

/** Write to stdout; resolves once the data is handed over (back-pressure respected). */
export function writeStdout(data: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const ok = process.stdout.write(data, (error) => (error ? reject(error) : resolve()))
    if (!ok) process.stdout.once('drain', () => resolve())
  })
}

/** `file:line:column  severity  reason  rule` — one line per message. */
export function formatMessage(file: string, message: Message): string {
  const place = message.place ? `${message.place.start.line}:${message.place.start.column}` : '1:1'
  return `${file}:${place}  ${message.severity}  ${message.reason}  ${message.ruleId}`
}
