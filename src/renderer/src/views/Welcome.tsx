import { inBrowserHost } from '../api'
import { ImportButton } from '../components/ImportButton'

/** First run (an empty library): what a digest is, how to bring one in. */
export function Welcome() {
  return (
    <section className="welcome" aria-labelledby="welcome-heading">
      <h2 id="welcome-heading">Welcome to Folio</h2>
      <p>No papers yet. Import a digest to start your reading list.</p>
      <p>
        A <strong>digest</strong> is a list of new papers you already receive: a Hugging Face papers page saved as text,
        an arXiv listing e-mail, an arXiv RSS or Atom feed, Hugging Face daily-papers JSON, or a BibTeX or RIS export.
        Folio reads the file, keeps each paper once (however many digests list it), and tracks what you have read,
        starred and noted. Nothing leaves this computer.
      </p>
      <ImportButton className="primary" />
      <p className="drop-hint" role="note">
        Or drop digest files {inBrowserHost ? '' : 'or folders '}anywhere on this window.
        {inBrowserHost ? '' : ' Settings can also watch a folder and import new digests as they arrive.'}
      </p>
    </section>
  )
}
