/** Every digest format the parsers produce has a name for people (issue 15.8). */
import { describe, expect, it } from 'vitest'
import { FORMATS } from '../../src/main/digests/types'
import { FORMAT_LABEL, formatLabel } from '../../src/shared/format-labels'

describe('format labels', () => {
  it('name every format, and no format that does not exist', () => {
    expect(Object.keys(FORMAT_LABEL).sort()).toEqual([...FORMATS].sort())
    expect(formatLabel('hf-json')).toBe('Hugging Face JSON')
    expect(formatLabel('some-new-code')).toBe('some-new-code')
    expect(formatLabel(null)).toBe('unknown format')
  })
})
