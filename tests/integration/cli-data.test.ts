/**
 * `folio` tags, exports, backup and restore on real library files. Most commands run in-process
 * through the CLI's own `run` (same parsing, same output, same exit codes as bin/folio.mjs, whose
 * error wrapper `inProcess` mirrors); the exit-code checks spawn the real command.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseBibtex } from '../../src/main/digests/bibtex'
import type { ParsedPaper } from '../../src/main/digests/types'
import { run as runCli, UsageError } from '../../src/main/cli/main'
import { folio, type CliResult } from '../helpers/cli'
import { fixture, tempDir } from '../helpers/temp'

// The spawned commands (tsx start-up) are slow on a busy two-core machine.
async function inProcess(args: string[]): Promise<CliResult> {
  let stdout = ''
  let stderr = ''
  const io = { out: (x: string) => void (stdout += `${x}\n`), err: (x: string) => void (stderr += `${x}\n`), env: {} }
  try {
    return { status: await runCli(args, io), stdout, stderr }
  } catch (err) {
    stderr += `folio: ${(err as Error).message.replace(/\s+/g, ' ').trim()}\n`
    return { status: err instanceof UsageError ? 2 : 1, stdout, stderr }
  }
}

describe('folio tag, tags, export, backup, restore', { timeout: 60_000 }, () => {
  let t: ReturnType<typeof tempDir>
  let lib: string
  const run = (...args: string[]): Promise<CliResult> => inProcess([...args, '--library', lib])
  beforeAll(async () => {
    t = tempDir()
    lib = join(t.dir, 'library.sqlite')
    expect((await run('import', fixture('hf-trending-jun6.txt'), fixture('papers.bib'))).status).toBe(0)
  })
  afterAll(() => t.cleanup())

  it('tags papers, lists, renames and deletes tags', async () => {
    expect((await run('tag', '1512.03385', 'peft', 'to read')).stdout).toMatch(/^\d+: peft, to-read\n$/)
    const maxmin = 'MaxMin-RLHF: Towards Equitable Alignment of Large Language Models with Diverse Human Preferences'
    expect((await run('tag', maxmin, 'rlhf', 'to-read')).status).toBe(0)
    expect((await run('tags')).stdout).toBe('     1  peft\n     1  rlhf\n     2  to-read\n')
    expect((await run('tag', '1512.03385', 'PEFT', '--remove')).stdout).toMatch(/^\d+: to-read\n$/)
    expect((await run('tags', '--rename', 'to-read', 'queue')).stdout).toBe(
      'Renamed "to-read" to "queue" (2 papers).\n'
    )
    expect(JSON.parse((await run('tags', '--json')).stdout)).toEqual([
      { name: 'queue', count: 2 },
      { name: 'rlhf', count: 1 }
    ])
    expect((await run('note', '1512.03385', '--set', 'ResNet: identity shortcuts, 🦓 zebra')).status).toBe(0)
    expect((await run('tags', '--delete', 'rlhf')).stdout).toMatch(/Deleted tag "rlhf" from 1 paper/)
    const missing = await run('tags', '--delete', 'rlhf')
    expect(missing.status).toBe(1)
    expect(missing.stderr).toBe('folio: No tag "rlhf"\n')
    const bad = await run('tag', '1512.03385')
    expect(bad.status).toBe(2)
    expect(bad.stderr).toMatch(/^folio: usage: folio tag <paper> <tag>…/)
  })

  it('exports reading lists in every format, with the feed filters', async () => {
    const bib = join(t.dir, 'queue.bib')
    const r = await run('export', 'list', bib, '--tag', 'queue')
    expect(r.status).toBe(0)
    expect(r.stderr).toBe(`Exported 2 papers to ${bib} (bib).\n`)
    const back: ParsedPaper[] = []
    parseBibtex(readFileSync(bib, 'utf8'), { fileName: 'queue.bib' }, (p) => back.push(p))
    expect(back.map((p) => p.title).sort()).toEqual([
      'Deep Residual Learning for Image Recognition',
      expect.stringMatching(/^MaxMin-RLHF/)
    ])

    const json = await run('export', 'list', '-', '--format', 'json', '--query', 'residual')
    expect((JSON.parse(json.stdout) as { arxivId: string }[]).map((p) => p.arxivId)).toContain('1512.03385')
    const csv = await run('export', 'list', '-', '--format', 'csv', '--status', 'unread')
    expect(csv.stdout.trimEnd().split('\r\n')).toHaveLength(1 + 66) // header + every paper
    expect((await run('export', 'list', join(t.dir, 'list.md'))).status).toBe(0)
    expect(readFileSync(join(t.dir, 'list.md'), 'utf8')).toMatch(/^# Reading list: all papers\n/)
    const unknown = await run('export', 'list', join(t.dir, 'list.txt'))
    expect(unknown.status).toBe(2)
    expect(unknown.stderr).toMatch(/cannot tell the format from .*list\.txt.*--format md\|bib\|csv\|json/)
    expect((await run('export', 'list', lib, '--format', 'md')).stderr).toMatch(/onto the library itself/)
  })

  it('exports notes as Markdown files', async () => {
    const vault = join(t.dir, 'vault')
    const r = await run('export', 'notes', vault)
    expect(r.stdout).toBe(`Exported 1 note to ${vault}\n`)
    const files = readdirSync(vault)
    expect(files).toEqual([expect.stringMatching(/^Deep Residual.*\.md$/)])
    expect(readFileSync(join(vault, files[0]!), 'utf8')).toMatch(
      /^---\ntitle: Deep Residual[\s\S]*tags:\n {2}- queue\n[\s\S]*---\nResNet: identity shortcuts, 🦓 zebra$/
    )
  })

  it('backs up, refuses to restore over a library, restores into a new one identically', async () => {
    const file = join(t.dir, 'folio-backup.jsonl')
    const b = await run('backup', file)
    expect(b.status).toBe(0)
    expect(b.stdout).toMatch(/^Backed up 66 papers, 2 digests and 1 tag to /)

    const refused = folio(['restore', file, '--library', lib]) // the real command: exit code and one line
    expect(refused.status).toBe(1)
    expect(refused.stderr).toMatch(
      /^folio: Restore only fills an empty library, and this one holds 66 papers, 2 digests, 1 tag, 1 note, 1 note revision\. Nothing was changed\./
    )
    expect(refused.stderr.trim().split('\n')).toHaveLength(1)

    const fresh = join(t.dir, 'restored.sqlite')
    const r = await inProcess(['restore', file, '--library', fresh])
    expect(r.stderr).toBe('')
    expect(r.stdout).toMatch(/^Restored 66 papers, 2 digests, 1 tag, 1 note \(1 revision\) into /)
    const again = join(t.dir, 'again.jsonl')
    expect((await inProcess(['backup', again, '--library', fresh])).status).toBe(0)
    const strip = (s: string): string => s.replace(/"createdAt":"[^"]+"/, '')
    expect(strip(readFileSync(again, 'utf8'))).toBe(strip(readFileSync(file, 'utf8')))
    expect((await inProcess(['search', 'zebra', '--library', fresh])).stdout).toMatch(/Deep Residual/)

    const bad = folio(['restore', fixture('papers.bib'), '--library', join(t.dir, 'other.sqlite')])
    expect(bad.status).toBe(1)
    expect(bad.stderr).toBe(
      'folio: papers.bib line 1: not a Folio backup (the first line is not JSON); the library was not changed\n'
    )
  })

  it('backup --sqlite makes a library file that opens', async () => {
    const copy = join(t.dir, 'copy.sqlite')
    expect((await run('backup', copy, '--sqlite')).stdout).toBe(`Copied the library to ${copy} (SQLite).\n`)
    expect(JSON.parse((await inProcess(['list', '--json', '--library', copy])).stdout)).toHaveLength(66)
    expect((await run('backup', lib, '--sqlite')).stderr).toMatch(
      /^folio: Refused to write a backup onto the library itself/
    )
    expect(existsSync(lib)).toBe(true)
  })
})
