import { getSession } from '../api/client';
import { navigate } from '../app/router';

/**
 * Prints a registered document (`route` = '<document>/<args…>'). The desktop
 * app prints from a hidden window; browser mode shows the document in this tab,
 * where the browser's own print (and "save as PDF") is one click away.
 */
export async function printDocument(route: string): Promise<void> {
  if (window.kd) {
    await window.kd.print(route, getSession());
    return;
  }
  navigate(`/print/${route}`);
}

/** Saves a registered document as PDF (desktop); in browser mode the print page offers it. */
export async function saveDocumentAsPdf(route: string, fileName: string): Promise<{ saved: boolean; path?: string }> {
  if (window.kd) return window.kd.printToPdf(route, getSession(), fileName);
  navigate(`/print/${route}`);
  return { saved: false };
}
