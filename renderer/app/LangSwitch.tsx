import { SegmentedControl } from '@mantine/core';
import { type Lang, useLang } from '../i18n';

export function LangSwitch() {
  const { lang, setLang } = useLang();
  return (
    <SegmentedControl
      size="xs"
      value={lang}
      onChange={(v) => setLang(v as Lang)}
      data={[
        { value: 'zh', label: '中文' },
        { value: 'en', label: 'English' },
      ]}
    />
  );
}
