/**
 * Sending picked or dropped files to the browser host: each File is the body of one request to the
 * host's upload endpoint, which writes it to a temp file. The browser streams the File from disk
 * (nothing is read into the page's memory, no base64), and XMLHttpRequest reports the bytes sent
 * (fetch cannot). The ids it answers are then imported with api.importUpload.
 */
import { TOKEN_HEADER, UPLOAD_PATH } from '../../../shared/transport-fetch'
import { FolioError, type Reply } from '../../../shared/values'

export interface UploadProgress {
  /** The file being sent. */
  file: string
  index: number
  count: number
  /** Bytes sent of every file so far, and of all of them. */
  sent: number
  total: number
}

export interface Uploaded {
  id: string
  name: string
  lastModified: number
}

function uploadOne(token: string, file: File, onSent: (bytes: number) => void, signal: AbortSignal): Promise<string> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', UPLOAD_PATH)
    xhr.setRequestHeader(TOKEN_HEADER, token)
    xhr.setRequestHeader('content-type', 'application/octet-stream')
    xhr.upload.onprogress = (e) => onSent(e.loaded)
    xhr.onload = () => {
      let reply: Reply<{ id: string }> | undefined
      try {
        reply = JSON.parse(String(xhr.responseText)) as Reply<{ id: string }>
      } catch {
        reply = undefined
      }
      if (reply?.ok) resolve(reply.value.id)
      else
        reject(
          new FolioError(
            reply?.error.code ?? 'upload',
            `${file.name}: ${reply?.error.message ?? `the Folio host answered ${xhr.status}`}`
          )
        )
    }
    xhr.onerror = () => reject(new FolioError('upload', `${file.name}: the upload failed (is folio serve running?)`))
    xhr.onabort = () => reject(new FolioError('cancelled', 'import cancelled'))
    signal.addEventListener('abort', () => xhr.abort(), { once: true })
    if (signal.aborted) xhr.abort()
    else xhr.send(file)
  })
}

/** Upload files one after the other; `onProgress` hears the bytes sent. Aborting `signal` stops at once. */
export async function uploadFiles(
  token: string,
  files: File[],
  onProgress: (p: UploadProgress) => void,
  signal: AbortSignal
): Promise<Uploaded[]> {
  const total = files.reduce((n, f) => n + f.size, 0)
  const out: Uploaded[] = []
  let done = 0
  for (const [index, file] of files.entries()) {
    const report = (sent: number): void =>
      onProgress({ file: file.name, index, count: files.length, sent: done + sent, total })
    report(0)
    const id = await uploadOne(token, file, report, signal)
    done += file.size
    out.push({ id, name: file.name, lastModified: Math.max(0, Math.floor(file.lastModified)) })
  }
  return out
}
