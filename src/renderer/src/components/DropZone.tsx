import { useEffect, useState } from 'react'

const hasFiles = (e: DragEvent): boolean => Array.from(e.dataTransfer?.types ?? []).includes('Files')

/**
 * While files are dragged over the window, say that dropping them imports them. The drop itself is
 * the app's (App.tsx); this only shows where it can go, and lets every event through.
 */
export function DropZone() {
  const [over, setOver] = useState(false)
  useEffect(() => {
    // dragenter/dragleave fire for every element crossed: count them to know when the drag left the window.
    let depth = 0
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return
      depth++
      setOver(true)
    }
    const leave = (e: DragEvent) => {
      if (!hasFiles(e)) return
      depth = Math.max(0, depth - 1)
      if (depth === 0) setOver(false)
    }
    const end = () => {
      depth = 0
      setOver(false)
    }
    window.addEventListener('dragenter', enter)
    window.addEventListener('dragleave', leave)
    window.addEventListener('drop', end)
    window.addEventListener('dragend', end)
    return () => {
      window.removeEventListener('dragenter', enter)
      window.removeEventListener('dragleave', leave)
      window.removeEventListener('drop', end)
      window.removeEventListener('dragend', end)
    }
  }, [])
  if (!over) return null
  return (
    <div className="drop-zone" role="status">
      <p>Drop digest files to import them</p>
    </div>
  )
}
