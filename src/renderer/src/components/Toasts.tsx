import { useStore } from '../store'

/** Non-blocking messages: errors (alert), info and the undo toast (status). */
export function Toasts() {
  const toasts = useStore((s) => s.toasts)
  const dismiss = useStore((s) => s.dismissToast)
  const undo = useStore((s) => s.undo)
  const hostDown = useStore((s) => s.hostDown)
  const errors = toasts.filter((t) => t.kind === 'error')
  const others = toasts.filter((t) => t.kind !== 'error')
  return (
    <div className="toasts">
      <div role="alert" className="toast-stack">
        {hostDown && (
          <div className="toast error host-down">
            <span>{hostDown}</span>
          </div>
        )}
        {errors.map((t) => (
          <div key={t.id} className="toast error">
            <span>{t.message}</span>
            <button type="button" aria-label="Dismiss message" onClick={() => dismiss(t.id)}>
              ×
            </button>
          </div>
        ))}
      </div>
      <div role="status" className="toast-stack">
        {others.map((t) => (
          <div key={t.id} className={`toast ${t.kind}`}>
            <span>{t.message}</span>
            {t.kind === 'undo' && (
              <button type="button" aria-keyshortcuts="Control+Z Meta+Z" onClick={() => void undo(t.undoId)}>
                Undo
              </button>
            )}
            <button type="button" aria-label="Dismiss message" onClick={() => dismiss(t.id)}>
              ×
            </button>
          </div>
        ))}
      </div>
    </div>
  )
}
