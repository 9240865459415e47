import type { Refusal } from '../../core/refusal';

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
}

export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly messageEn?: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  toBody(): ApiErrorBody {
    return { code: this.code, message: this.message, messageEn: this.messageEn, fields: this.fields };
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
