/** Bytes per chunk: a multiple of 3, so the chunks' base64 concatenates without padding inside. */
const CHUNK = 3 * 8192

/** base64 of any size without building one giant argument list (no stack overflow on big files). */
export function bytesToBase64(bytes: Uint8Array): string {
  const parts: string[] = []
  for (let i = 0; i < bytes.length; i += CHUNK) {
    const chunk = bytes.subarray(i, i + CHUNK)
    let binary = ''
    for (let j = 0; j < chunk.length; j += 4096) {
      // eslint-disable-next-line no-restricted-syntax -- at most 4,096 bytes (one slice)
      binary += String.fromCharCode(...chunk.subarray(j, j + 4096))
    }
    parts.push(btoa(binary))
  }
  return parts.join('')
}

export async function fileToBase64(file: Blob): Promise<string> {
  return bytesToBase64(new Uint8Array(await file.arrayBuffer()))
}
