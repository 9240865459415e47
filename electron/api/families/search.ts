import { z } from 'zod';
import { handler } from '../define';
import { ownClass } from './access';
import { searchFamilies } from './search-cache';

export const searchHandlers = {
  /** The one search box: name, pinyin, initials or phone digits. */
  'families.search': handler({
    access: 'signed_in',
    write: false,
    input: z.object({ q: z.string().max(50, '搜索内容最多 50 个字'), limit: z.number().int().min(1).max(50).default(20) }),
    run: (ctx, { q, limit }) => searchFamilies(ctx.db, q, limit, ownClass(ctx)),
  }),
};
