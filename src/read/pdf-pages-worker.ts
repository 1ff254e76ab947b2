/**
 * A page worker of pdf-pages.ts: opens the document posted to it (pdf.js
 * loaded once), then reads the page ranges it is sent, one at a time, and
 * posts back their pages.
 *
 * @module
 */
import {parentPort} from 'node:worker_threads'
import {openPdf, readPages} from './pdf.js'
import type {PageWorkerReply, PageWorkerRequest} from './pdf-pages.js'

const port = parentPort
if (port) {
  let opened: ReturnType<typeof openPdf> | undefined
  const fail = (error: unknown) => {
    port.postMessage({error: error instanceof Error ? error.message : String(error)} satisfies PageWorkerReply<unknown>)
    port.close()
  }
  port.on('message', (request: PageWorkerRequest) => {
    if (request === null) {
      void opened?.then((doc) => doc.destroy()).catch(() => undefined)
      port.close()
    } else if ('bytes' in request) {
      opened = openPdf(request.bytes)
      opened.then(() => port.postMessage({ready: true} satisfies PageWorkerReply<unknown>), fail)
    } else {
      const range = request.range
      opened!
        .then((doc) => readPages(doc, range[0], range[1]))
        .then((pages) => port.postMessage({ready: true, range, pages} satisfies PageWorkerReply<unknown>), fail)
    }
  })
}
