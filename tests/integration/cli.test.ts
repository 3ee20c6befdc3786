import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FOLIO_BIN, folio } from '../helpers/cli'
import { libraryAtSchema5 } from '../helpers/old-schema'
import { fixture, tempDir } from '../helpers/temp'

// Each test runs the real command several times: generous timeouts for a loaded 2-core CI machine.
describe('the folio command', { timeout: 180_000 }, () => {
  let t: ReturnType<typeof tempDir>
  let lib: string
  beforeAll(() => {
    t = tempDir()
    lib = join(t.dir, 'my library.sqlite')
  })
  afterAll(() => t.cleanup())

  it('a library of an earlier Folio: says it upgrades it (once), then lists every paper with its status', () => {
    const old = join(t.dir, 'from an earlier folio.sqlite')
    libraryAtSchema5(old)
    const first = folio(['list', '--json', '--library', old])
    expect(first.status).toBe(0)
    expect(first.stderr).toMatch(/upgrading the library for this version of Folio \(once/)
    const papers = JSON.parse(first.stdout) as { id: number; status: string }[]
    expect(papers.map((p) => [p.id, p.status]).sort()).toEqual([
      [1, 'unread'],
      [2, 'read'],
      [3, 'unread']
    ])
    const again = folio(['list', '--library', old])
    expect(again.status).toBe(0)
    expect(again.stderr).toBe('')
  })

  it('import -> list -> status -> note -> list again, on a real library file', () => {
    const imp = folio(['import', fixture('hf-trending-jun6.txt'), '--library', lib])
    expect(imp.stderr).toBe('')
    expect(imp.status).toBe(0)
    expect(imp.stdout).toMatch(/61 papers, 61 added, 0 already known/)

    const all = JSON.parse(folio(['list', '--json', '--library', lib]).stdout) as {
      id: number
      title: string
      status: string
      abstract: string
      links: Record<string, string>
    }[]
    expect(all).toHaveLength(61)
    expect(all[0]).toHaveProperty('abstract')
    const maxmin = all.find((p) => p.title.startsWith('MaxMin-RLHF'))!
    expect(maxmin.status).toBe('unread')

    expect(folio(['list', '--limit', '5', '--library', lib]).stdout.trim().split('\n')).toHaveLength(5)

    const st = folio(['status', String(maxmin.id), 'read', '--library', lib])
    expect(st.status).toBe(0)
    expect(
      folio([
        'star',
        'MaxMin-RLHF: Towards Equitable Alignment of Large Language Models with Diverse Human Preferences',
        '--library',
        lib
      ]).status
    ).toBe(0)
    const note = folio([
      'note',
      String(maxmin.id),
      '--set',
      '# Worth a read\n\nFairness across *groups*.',
      '--library',
      lib
    ])
    expect(note.status).toBe(0)
    expect(folio(['note', String(maxmin.id), '--library', lib]).stdout).toBe(
      '# Worth a read\n\nFairness across *groups*.\n'
    )

    const read = JSON.parse(folio(['list', '--status', 'read', '--json', '--library', lib]).stdout) as {
      id: number
      starred: boolean
      hasNote: boolean
    }[]
    expect(read).toEqual([expect.objectContaining({ id: maxmin.id, starred: true, hasNote: true })])
    expect(JSON.parse(folio(['list', '--status', 'unread', '--json', '--library', lib]).stdout)).toHaveLength(60)
    expect(JSON.parse(folio(['list', '--starred', '--json', '--library', lib]).stdout)).toHaveLength(1)

    const found = folio(['search', 'groups', '--library', lib])
    expect(found.stdout).toMatch(/MaxMin-RLHF/)
  })

  it('FOLIO_LIBRARY selects the library when --library is absent', () => {
    const other = join(t.dir, 'env.sqlite')
    expect(folio(['import', fixture('arxiv-rss.xml')], { FOLIO_LIBRARY: other }).status).toBe(0)
    expect(JSON.parse(folio(['list', '--json'], { FOLIO_LIBRARY: other }).stdout)).toHaveLength(4)
  })

  it('exits non-zero with a one-line message when a file is refused or an argument is wrong', () => {
    const bad = folio(['import', fixture('bad/not-a-digest.txt'), fixture('arxiv-atom.xml'), '--library', lib])
    expect(bad.status).toBe(1)
    expect(bad.stdout).toMatch(/✗ .*not-a-digest\.txt: unrecognised format/)
    expect(bad.stdout).toMatch(/✓ .*arxiv-atom\.xml/)

    for (const [args, pattern] of [
      [['status', '999999', 'read'], /^folio: No paper matches "999999"/],
      [['status', '1', 'finished'], /^folio: unknown status "finished"/],
      [['list', '--limit', 'lots'], /^folio: --limit needs a positive whole number/],
      [['frobnicate'], /^folio: unknown command "frobnicate"/],
      [['list', '--bogus'], /^folio: Unknown option '--bogus'/]
    ] as const) {
      const r = folio([...args, '--library', lib])
      expect(r.status, args.join(' ')).not.toBe(0)
      expect(r.stderr.trim().split('\n')).toHaveLength(1)
      expect(r.stderr).toMatch(pattern)
    }
  })

  it('--dry-run writes nothing', () => {
    const dry = join(t.dir, 'dry.sqlite')
    const r = folio(['import', '--dry-run', fixture('papers.bib'), '--library', dry])
    expect(r.status).toBe(0)
    expect(r.stdout).toMatch(/Dry run: .*would add 5 papers/)
    expect(JSON.parse(folio(['list', '--json', '--library', dry]).stdout)).toHaveLength(0)
  })
})

describe('an unreadable file', { timeout: 60_000 }, () => {
  it('is refused with "permission denied", and the readable files of the batch still import', async () => {
    const { chmodSync, copyFileSync } = await import('node:fs')
    const { spawnSync } = await import('node:child_process')
    const t = tempDir()
    try {
      chmodSync(t.dir, 0o777)
      const locked = join(t.dir, 'locked.xml')
      copyFileSync(fixture('arxiv-atom.xml'), locked)
      chmodSync(locked, 0o000)
      const lib = join(t.dir, 'lib.sqlite')
      const args = [FOLIO_BIN, 'import', locked, fixture('arxiv-rss.xml'), '--library', lib]
      // As root, permissions do not apply: run the real CLI as an unprivileged user instead.
      const asRoot = process.getuid?.() === 0
      const r = spawnSync(process.execPath, args, {
        encoding: 'utf8',
        ...(asRoot ? { uid: 65534, gid: 65534, env: { ...process.env, HOME: t.dir } } : {})
      })
      expect(r.stdout).toMatch(/✗ .*locked\.xml: permission denied/)
      expect(r.stdout).toMatch(/✓ .*arxiv-rss\.xml .*4 added/)
      expect(r.status).toBe(1)
    } finally {
      t.cleanup()
    }
  })
})
