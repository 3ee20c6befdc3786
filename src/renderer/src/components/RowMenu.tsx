/**
 * The feed row's context menu (right click, the context-menu key or Shift+F10 on the feed):
 * status, star, add a tag, copy the link, open the arXiv page. A WAI-ARIA menu: focus moves
 * into it, ↑/↓/Home/End move, Enter/Space choose, Esc or Tab close it and return to the feed.
 * Pure renderer: the same in Electron and in the browser.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react'
import type { PaperRow, Status } from '../../../shared/contract'
import { api, openExternal } from '../api'
import { STATUS_LABEL } from '../lib/format'
import { useStore } from '../store'

export interface RowMenuState {
  row: PaperRow
  x: number
  y: number
}

const arxivAbs = (id: string): string => `https://arxiv.org/abs/${encodeURIComponent(id).replace(/%2F/gi, '/')}`

async function paperLink(row: PaperRow): Promise<string | null> {
  if (row.arxivId) return arxivAbs(row.arxivId)
  const p = await api.getPaper({ id: row.id })
  return p.links.abs ?? p.links.url ?? (p.doi ? `https://doi.org/${p.doi}` : null) ?? p.links.pdf ?? null
}

async function copyText(text: string): Promise<void> {
  try {
    // A permission prompt can leave writeText pending forever: give it a moment, then the old way.
    const ok = await Promise.race([
      navigator.clipboard.writeText(text).then(() => true),
      new Promise<boolean>((r) => setTimeout(() => r(false), 400))
    ])
    if (ok) return
  } catch {
    // no clipboard permission (Electron denies permission requests): the old way
  }
  const area = document.createElement('textarea')
  area.value = text
  area.setAttribute('readonly', '')
  area.style.position = 'fixed'
  area.style.opacity = '0'
  document.body.appendChild(area)
  area.select()
  const ok = document.execCommand('copy')
  area.remove()
  if (!ok) throw new Error('The clipboard is not available')
}

export function RowMenu({ menu, onClose }: { menu: RowMenuState; onClose(): void }) {
  const ref = useRef<HTMLDivElement>(null)
  const [tagging, setTagging] = useState(false)
  const [tag, setTag] = useState('')
  const [pos, setPos] = useState({ left: menu.x, top: menu.y })
  const { row } = menu

  // Keep it on screen, then focus the first item.
  useLayoutEffect(() => {
    const el = ref.current
    if (!el) return
    const r = el.getBoundingClientRect()
    setPos({
      left: Math.max(4, Math.min(menu.x, window.innerWidth - r.width - 4)),
      top: Math.max(4, Math.min(menu.y, window.innerHeight - r.height - 4))
    })
  }, [menu.x, menu.y, tagging])
  useEffect(() => {
    if (!tagging) ref.current?.querySelector<HTMLElement>('[role^="menuitem"]:not([aria-disabled="true"])')?.focus()
  }, [tagging])
  useEffect(() => {
    const away = (e: MouseEvent) => {
      if (!ref.current?.contains(e.target as Node)) onClose()
    }
    // The window losing focus (another app) closes the menu; a blur that leaves the page focused does not.
    let pending: ReturnType<typeof setTimeout> | undefined
    const blurred = () => {
      pending = setTimeout(() => {
        if (!document.hasFocus()) onClose()
      }, 0)
    }
    window.addEventListener('mousedown', away)
    window.addEventListener('blur', blurred)
    return () => {
      clearTimeout(pending)
      window.removeEventListener('mousedown', away)
      window.removeEventListener('blur', blurred)
    }
  }, [onClose])

  const s = useStore.getState
  const run = (fn: () => Promise<void> | void) => () => {
    onClose()
    Promise.resolve(fn()).catch((err: unknown) => s().reportError(err))
  }
  const setStatus = (status: Status) => run(() => s().setStatus([row.id], status))

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (tagging) {
      if (e.key === 'Escape') {
        e.preventDefault()
        e.stopPropagation()
        onClose()
      }
      return
    }
    const items = Array.from(
      ref.current?.querySelectorAll<HTMLElement>('[role^="menuitem"]:not([aria-disabled="true"])') ?? []
    )
    const at = items.indexOf(document.activeElement as HTMLElement)
    const go = (i: number) => items[(i + items.length) % items.length]?.focus()
    e.stopPropagation() // the feed's single-key shortcuts do not apply inside the menu
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault()
        return go(at + 1)
      case 'ArrowUp':
        e.preventDefault()
        return go(at - 1)
      case 'Home':
        e.preventDefault()
        return go(0)
      case 'End':
        e.preventDefault()
        return go(items.length - 1)
      case 'Escape':
      case 'Tab':
        e.preventDefault()
        return onClose()
    }
  }

  return (
    <div
      ref={ref}
      className="row-menu"
      role={tagging ? 'dialog' : 'menu'}
      aria-label={tagging ? 'Add a tag' : `Actions for “${row.title}”`}
      style={{ left: pos.left, top: pos.top }}
      onKeyDown={onKeyDown}
      onContextMenu={(e) => e.preventDefault()}
    >
      {tagging ? (
        <form
          className="row-menu-tag"
          onSubmit={(e) => {
            e.preventDefault()
            const name = tag.trim()
            if (!name) return
            run(async () => {
              await api.tagPapers({ ids: [row.id], add: [name] })
              s().showInfo(`Tagged “${name}”`)
              void s().refreshCounts()
              if (s().selectedId === row.id) void s().loadPaper(row.id)
            })()
          }}
        >
          <label>
            {/* The tag field is what the user opened this form for: focus goes there. */}
            {/* eslint-disable-next-line jsx-a11y/no-autofocus -- see above */}
            Tag name <input autoFocus value={tag} maxLength={100} onChange={(e) => setTag(e.currentTarget.value)} />
          </label>
          <button type="submit" className="primary">
            Add tag
          </button>
        </form>
      ) : (
        <>
          {(['unread', 'reading', 'read'] as const).map((st) => (
            <button
              key={st}
              type="button"
              role="menuitemradio"
              aria-checked={row.status === st}
              tabIndex={-1}
              onClick={setStatus(st)}
            >
              Mark as {STATUS_LABEL[st].toLowerCase()}
            </button>
          ))}
          <div role="separator" />
          <button
            type="button"
            role="menuitem"
            tabIndex={-1}
            onClick={run(() => s().setStarred([row.id], !row.starred))}
          >
            {row.starred ? 'Unstar' : 'Star'}
          </button>
          <button type="button" role="menuitem" tabIndex={-1} onClick={() => setTagging(true)}>
            Add tag…
          </button>
          <div role="separator" />
          <button
            type="button"
            role="menuitem"
            tabIndex={-1}
            onClick={run(async () => {
              const link = await paperLink(row)
              if (!link) throw new Error('This paper has no link')
              await copyText(link)
              s().showInfo('Link copied')
            })}
          >
            Copy link
          </button>
          <button
            type="button"
            role="menuitem"
            tabIndex={-1}
            aria-disabled={!row.arxivId}
            disabled={!row.arxivId}
            onClick={run(() => (row.arxivId ? openExternal(arxivAbs(row.arxivId)) : undefined))}
          >
            Open arXiv page
          </button>
        </>
      )}
    </div>
  )
}
