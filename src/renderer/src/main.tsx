import './styles.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { startFirstLoad } from './controllers/shell'

/** Render anyway if the first feed page is slow to come: the window shows its loading state. */
const FIRST_RENDER_WAIT_MS = 300

// The first requests go out before React renders anything, and the first render waits (briefly)
// for the first feed page: one render and one layout with the rows in, not an empty frame first.
const firstFeed = startFirstLoad()
const render = () =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>
  )
void Promise.race([firstFeed, new Promise((r) => setTimeout(r, FIRST_RENDER_WAIT_MS))]).then(render, render)
