import { ImportButton } from '../components/ImportButton'

export function Welcome() {
  return (
    <section className="welcome" aria-labelledby="welcome-heading">
      <h2 id="welcome-heading">Welcome to Folio</h2>
      <p>
        No papers yet. Import a digest: a saved Hugging Face papers page, arXiv e-mail, RSS/Atom, HF JSON, BibTeX or RIS.
      </p>
      <ImportButton className="primary" />
    </section>
  )
}
