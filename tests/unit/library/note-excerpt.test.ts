/** The Notes list's snippets read as text, not Markdown (issue 15.8): real notes, through listNotes. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { noteExcerpt } from '../../../src/main/library/note-excerpt'
import { listNotes, saveNote } from '../../../src/main/library/notes'
import { addDigest, paper } from '../../helpers/papers'
import { tempLibrary } from '../../helpers/temp'

describe('note snippets', () => {
  let t: ReturnType<typeof tempLibrary>
  let ids: number[]
  beforeAll(() => {
    t = tempLibrary()
    ids = addDigest(t.lib, [paper('Mamba'), paper('Attention')])
  })
  afterAll(() => t.cleanup())

  it('drops Markdown marks and keeps the words, in the notes list', () => {
    saveNote(
      t.lib.db,
      ids[0]!,
      '## Key idea\n\n- **Selective** state spaces, see [the paper](https://arxiv.org/abs/2312.00752)\n- `O(n)` in *length*\n'
    )
    const [summary] = listNotes(t.lib.db, undefined, 10)
    expect(summary!.excerpt).toBe('Key idea Selective state spaces, see the paper O(n) in length')
  })

  it('keeps plain text, math source, snake_case and prices as they are', () => {
    expect(noteExcerpt('Loss is $\\mathcal{L}_{x}$ for my_var_name, costs 5 * 3')).toBe(
      'Loss is $\\mathcal{L}_{x}$ for my_var_name, costs 5 * 3'
    )
    expect(noteExcerpt('> quoted\n\n```\ncode line\n```\n1. first\n---\n- [x] done')).toBe('quoted code line first')
    expect(noteExcerpt('a'.repeat(300))).toHaveLength(240)
  })
})
