/**
 * Registers the contract with ipcMain: one `handle` per contract method (by iterating over
 * `methodNames`, never by hand), each checking its sender frame is our own renderer before
 * dispatching through the same createDispatcher the browser host uses. Replies are data
 * (Reply), including the refusal of a foreign sender.
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron'
import { channelOf, methodNames, type Reply } from '../../shared/contract'
import type { Dispatch } from '../handlers'
import { isTrustedFrame, type UrlCheck } from './security'

export const FORBIDDEN: Reply<never> = {
  ok: false,
  error: { code: 'forbidden', message: 'Refused: this request did not come from the Folio window' }
}

/** Returns a function that removes the handlers again. */
export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  dispatch: Dispatch,
  isAppUrl: UrlCheck
): () => void {
  for (const name of methodNames) {
    ipcMain.handle(channelOf(name), async (event: IpcMainInvokeEvent, input: unknown): Promise<Reply<unknown>> => {
      if (!isTrustedFrame(event.senderFrame, isAppUrl)) {
        console.warn(`[folio] refused ${name} from ${event.senderFrame?.url ?? 'an unknown frame'}`)
        return FORBIDDEN
      }
      return dispatch(name, input)
    })
  }
  return () => {
    for (const name of methodNames) ipcMain.removeHandler(channelOf(name))
  }
}
