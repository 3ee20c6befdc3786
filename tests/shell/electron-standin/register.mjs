// `node --import ./tests/shell/electron-standin/register.mjs …` or import this module first:
// from here on, 'electron' means the stand-in.
import { register } from 'node:module'

register('./hooks.mjs', import.meta.url)
