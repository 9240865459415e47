import type { Api } from '../../electron/api/index';

export type RefundPreviewInput = Api['refund.preview']['input'];
export type RefundPreview = Api['refund.preview']['output'];

/** The case travels inside the print route, as URL-safe base64 of its JSON. */
export function encodeCase(input: RefundPreviewInput): string {
  const bytes = new TextEncoder().encode(JSON.stringify(input));
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function decodeCase(text: string): RefundPreviewInput {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes)) as RefundPreviewInput;
}
