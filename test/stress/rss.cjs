// Preloaded (node -r) into a legco run by the stress harness: writes the process's peak RSS (KB) on exit.
'use strict'
const file = process.env.LEGCO_STRESS_RSS
if (file) process.on('exit', () => require('node:fs').writeFileSync(file, String(process.resourceUsage().maxRSS)))
