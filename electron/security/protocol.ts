import { CONTENT_SECURITY_POLICY } from './csp';
import { readRendererFile } from './static-files';
import { isAppUrl } from './window';

/**
 * Serves the built renderer for `app://kinderdesk/…` with the CSP on every
 * response. Paths are confined to the renderer folder.
 */
export function rendererProtocolHandler(root: string) {
  return async (request: Request): Promise<Response> => {
    if (!isAppUrl(request.url)) return new Response('forbidden', { status: 403 });
    const file = await readRendererFile(root, new URL(request.url).pathname);
    return new Response(file.body, {
      status: file.status,
      headers: {
        'content-type': file.type,
        'content-security-policy': CONTENT_SECURITY_POLICY,
        'x-content-type-options': 'nosniff',
      },
    });
  };
}
