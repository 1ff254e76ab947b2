/** `legco check` — not built yet (issue 4). */
import {InputError} from '../read/input.js'
import type {CheckOptions} from './main.js'

export async function runCheck(_files: string[], _options: CheckOptions): Promise<number> {
  throw new InputError('legco check is not built yet')
}
