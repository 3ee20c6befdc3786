/** The contract's lists are written once: each method's access, the events, the labels. */
import { describe, expect, it } from 'vitest'
import { methodNames, STATUSES, VIEWS } from '../../src/shared/contract'
import {
  EVENT_NAMES,
  isEventName,
  isReadMethod,
  METHOD_ACCESS,
  METHOD_NAMES,
  STATUS_LABELS,
  VIEW_LABELS
} from '../../src/shared/values'

describe('one list per fact', () => {
  it('every contract method has exactly one access, and METHOD_NAMES is the contract', () => {
    expect([...METHOD_NAMES].sort()).toEqual([...methodNames].sort())
    expect(Object.keys(METHOD_ACCESS).sort()).toEqual([...methodNames].sort())
  })

  it('methods that change nothing in the library are reads (no badge recount, no checkpoint after them)', () => {
    for (const m of ['listRevisions', 'exportReadingList', 'feedPage', 'getNote', 'counts']) {
      expect(isReadMethod(m), m).toBe(true)
    }
    for (const m of ['setStatus', 'saveNote', 'restoreRevision', 'tagPapers', 'importPaths']) {
      expect(isReadMethod(m), m).toBe(false)
    }
    expect(isReadMethod('toString')).toBe(false)
    expect(isReadMethod('nope')).toBe(false)
  })

  it('events: the names, and nothing inherited counts as one', () => {
    expect(EVENT_NAMES).toEqual(['libraryChanged', 'importProgress', 'command', 'imported', 'rankingChanged'])
    expect(isEventName('command')).toBe(true)
    expect(isEventName('constructor')).toBe(false)
  })

  it('a label for every status and view', () => {
    expect(Object.keys(STATUS_LABELS).sort()).toEqual([...STATUSES].sort())
    expect(Object.keys(VIEW_LABELS).sort()).toEqual([...VIEWS].sort())
  })
})
