import { useRef } from 'react'
import { useStore } from '../store'

/** "Import digests…": a button that opens a hidden multi-file input. */
export function ImportButton({ className }: { className?: string }) {
  const input = useRef<HTMLInputElement>(null)
  const importing = useStore((s) => s.importing)
  const importFiles = useStore((s) => s.importFiles)
  return (
    <>
      <button type="button" className={className} disabled={importing} onClick={() => input.current?.click()}>
        {importing ? 'Importing…' : 'Import digests…'}
      </button>
      <input
        ref={input}
        type="file"
        multiple
        hidden
        tabIndex={-1}
        aria-hidden="true"
        onChange={(e) => {
          const files = Array.from(e.currentTarget.files ?? [])
          e.currentTarget.value = ''
          void importFiles(files)
        }}
      />
    </>
  )
}
