/**
 * A progress bar on stderr, for people watching a long batch: files done of
 * the total, percentage, files per second, time left, failures so far.
 * Shown only when stderr is a terminal and there are more than a handful
 * of files; never in pipes, logs or CI (stderr is then for messages only).
 * Lines printed through `log` go above the bar.
 */

/** More files than this, and a terminal, and not --quiet: a bar. */
export const PROGRESS_MIN_FILES = 5

export function wantsProgress(files: number, quiet: boolean | undefined, stream: NodeJS.WriteStream = process.stderr): boolean {
  return !quiet && files > PROGRESS_MIN_FILES && Boolean(stream.isTTY) && process.env.TERM !== 'dumb'
}

export interface Reporter {
  /** One file finished. */
  tick(failed: boolean): void
  /** A line for stderr (a message or a failure), printed above the bar. */
  log(line: string): void
  /** Remove the bar; with `summary`, leave one line saying what was done. */
  done(summary?: boolean): void
}

/** Messages straight to stderr, no bar. */
export const plainReporter: Reporter = {
  tick() {},
  log(line) {
    process.stderr.write(line + '\n')
  },
  done() {}
}

export class ProgressBar implements Reporter {
  private finished = 0
  private failed = 0
  private readonly started = Date.now()
  private lastDraw = 0
  private drawn = false
  private readonly timer: NodeJS.Timeout

  constructor(
    private readonly total: number,
    private readonly stream: NodeJS.WriteStream = process.stderr
  ) {
    // Redraw now and then even when files are slow, so the rate and ETA stay honest.
    this.timer = setInterval(() => this.draw(), 500)
    this.timer.unref()
    this.draw()
  }

  tick(failed: boolean): void {
    this.finished++
    if (failed) this.failed++
    const now = Date.now()
    if (now - this.lastDraw >= 80 || this.finished === this.total) this.draw(now)
  }

  log(line: string): void {
    this.clear()
    this.stream.write(line + '\n')
    this.draw()
  }

  done(summary = false): void {
    clearInterval(this.timer)
    this.clear()
    if (summary) {
      const seconds = (Date.now() - this.started) / 1000
      const failed = this.failed ? `, ${this.failed} failed` : ''
      this.stream.write(
        `legco: ${this.finished} files in ${formatSeconds(seconds)} (${formatRate(this.finished / Math.max(seconds, 0.001))} files/s)${failed}\n`
      )
    }
  }

  private clear(): void {
    if (this.drawn) this.stream.write('\r\x1b[K')
    this.drawn = false
  }

  private draw(now = Date.now()): void {
    this.lastDraw = now
    const seconds = (now - this.started) / 1000
    const rate = seconds > 0 ? this.finished / seconds : 0
    const left = this.total - this.finished
    const eta = rate > 0 && this.finished > 0 ? formatSeconds(left / rate) : '--'
    const share = this.total ? this.finished / this.total : 1
    const tail = ` ${this.finished}/${this.total} ${String(Math.floor(share * 100)).padStart(3)}%  ${formatRate(rate)} files/s  ETA ${eta}${this.failed ? `  ${this.failed} failed` : ''}`
    const columns = this.stream.columns || 80
    const width = Math.max(0, Math.min(30, columns - tail.length - 3))
    const filled = Math.round(share * width)
    const bar = width > 0 ? `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}]` : ''
    this.stream.write(`\r\x1b[K${(bar + tail).slice(0, columns - 1)}`)
    this.drawn = true
  }
}

export function createReporter(files: number, quiet: boolean | undefined): Reporter {
  return wantsProgress(files, quiet) ? new ProgressBar(files) : plainReporter
}

function formatRate(rate: number): string {
  return rate >= 100 ? rate.toFixed(0) : rate >= 10 ? rate.toFixed(1) : rate.toFixed(2)
}

export function formatSeconds(seconds: number): string {
  if (!Number.isFinite(seconds)) return '--'
  if (seconds < 60) return `${seconds < 10 ? seconds.toFixed(1) : Math.round(seconds)}s`
  const whole = Math.round(seconds)
  const h = Math.floor(whole / 3600)
  const m = Math.floor((whole % 3600) / 60)
  const s = whole % 60
  return h ? `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}` : `${m}:${String(s).padStart(2, '0')}`
}
