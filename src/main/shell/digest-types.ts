/**
 * The file types Folio imports, by extension: what File → Import Digests… offers and what the
 * packaged app registers as an "Open with" handler for (electron-builder.yml and
 * resources/build/installer.nsh; tests/unit/packaging/file-associations.test.ts keeps them equal).
 */
export const DIGEST_EXTENSIONS = ['txt', 'json', 'xml', 'atom', 'rss', 'bib', 'ris', 'eml'] as const
