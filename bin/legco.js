#!/usr/bin/env node
import {main} from '../dist/cli/main.js'

process.stdout.on('error', (error) => {
  // A closed pipe (`legco parse x | head`) is not an error of ours.
  if (error.code === 'EPIPE') process.exit(0)
  throw error
})

process.exitCode = await main(process.argv.slice(2))
