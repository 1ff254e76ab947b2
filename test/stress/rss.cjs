// Preloaded (node -r) into a legco run by the stress harness: writes the process's peak RSS (KB) and the CPU time it
// used (ms, user + system, all threads) on exit.
'use strict'
const file = process.env.LEGCO_STRESS_RSS
if (file)
  process.on('exit', () => {
    const usage = process.resourceUsage()
    require('node:fs').writeFileSync(file, `${usage.maxRSS} ${(usage.userCPUTime + usage.systemCPUTime) / 1000}`)
  })
