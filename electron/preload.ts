/**
 * The only bridge between the page and the main process: one frozen object
 * with four calls. No Node, no ipcRenderer, nothing else reaches the page.
 */
import { contextBridge, ipcRenderer } from 'electron';

contextBridge.exposeInMainWorld(
  'kd',
  Object.freeze({
    call: (request: { name: string; input: unknown; session: string | null }) => ipcRenderer.invoke('kd:api', request),
    print: (route: string, session: string | null) => ipcRenderer.invoke('kd:print', route, session),
    printToPdf: (route: string, session: string | null, name: string) => ipcRenderer.invoke('kd:printToPdf', route, session, name),
    chooseFolder: (title: string) => ipcRenderer.invoke('kd:chooseFolder', title),
  }),
);
