import { Badge, createTheme } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'teal',
  fontFamily: '"Microsoft YaHei", "PingFang SC", "WenQuanYi Micro Hei", "Noto Sans CJK SC", system-ui, sans-serif',
  headings: { fontFamily: '"Microsoft YaHei", "PingFang SC", "WenQuanYi Micro Hei", "Noto Sans CJK SC", system-ui, sans-serif' },
  defaultRadius: 'md',
  components: {
    // Badges carry clause ids (NT-3.3b) and names: never change their case.
    Badge: Badge.extend({ defaultProps: { tt: 'none' } }),
  },
});
