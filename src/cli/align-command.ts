/** `legco align` — not built yet (issue 3). */
import {InputError} from '../read/input.js'
import type {AlignOptions} from './main.js'

export async function runAlign(_first: string, _second: string, _options: AlignOptions): Promise<number> {
  throw new InputError('legco align is not built yet')
}
