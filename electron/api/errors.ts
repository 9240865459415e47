import type { Refusal } from '../../core/refusal';
import { splitMessage } from './messages';

/**
 * Expected failures travel back to the UI as data, with a message the person
 * at the desk can act on (Chinese first; English for the English UI).
 */
export type ApiErrorCode =
  | 'invalid_input'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'unknown_method'
  | 'internal';

export interface ApiErrorBody {
  code: ApiErrorCode;
  message: string;
  messageEn?: string;
  /** Field path → message, for forms. */
  fields?: Record<string, string>;
  /** The same fields in English, for the English interface. */
  fieldsEn?: Record<string, string>;
  /** Where the person can fix what stopped the call (e.g. the legal calendar screen). */
  link?: { route: string; label: string; labelEn: string };
}

export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly messageEn?: string,
    readonly fields?: Record<string, string>,
    readonly link?: ApiErrorBody['link'],
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** Field messages written with msg() are split into the two languages here. */
  toBody(): ApiErrorBody {
    const body: ApiErrorBody = { code: this.code, message: this.message, messageEn: this.messageEn };
    if (this.fields) {
      body.fields = {};
      body.fieldsEn = {};
      for (const [key, text] of Object.entries(this.fields)) {
        const { zh, en } = splitMessage(text);
        body.fields[key] = zh;
        body.fieldsEn[key] = en ?? zh;
      }
    }
    if (this.link) body.link = this.link;
    return body;
  }
}

/**
 * A refusal whose writes are kept: a wrong password is refused, and still
 * counts towards the lockout. The dispatcher commits the transaction, then
 * reports the error. For nothing else: bad input otherwise changes nothing.
 */
export class RecordedRefusal extends ApiError {}

export const invalid = (message: string, messageEn?: string, fields?: Record<string, string>) =>
  new ApiError('invalid_input', message, messageEn, fields);
export const notFound = (what: string, whatEn = 'record') =>
  new ApiError('not_found', `找不到${what}，可能已被他人修改，请刷新后重试。`, `The ${whatEn} was not found.`);
export const conflict = (message: string, messageEn?: string) => new ApiError('conflict', message, messageEn);
/** A rule in core/ said no: its sentence becomes the error (invalid input unless it is a conflict with what is on file). */
export const refused = (refusal: Refusal, code: 'invalid_input' | 'conflict' = 'invalid_input') => new ApiError(code, refusal.zh, refusal.en);

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiErrorBody };
