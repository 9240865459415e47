import { Button, Group } from '@mantine/core';
import type { ComponentType } from 'react';
import { EmptyState } from '../components/EmptyState';
import { useT } from '../i18n';
import { PRINT_DOCUMENTS } from './documents';
import './print.css';

/**
 * `#/print/<document>/<args…>`: one printable document on its own page.
 * The desktop app loads it in a hidden window to print or save as PDF; browser
 * mode opens it in a tab and uses the browser's print; tests render it with
 * Chromium's page.pdf().
 */
export function PrintRoute({ path }: { path: string[] }) {
  const t = useT();
  const [name, ...args] = path;
  const Doc: ComponentType<{ args: string[] }> | undefined = name ? PRINT_DOCUMENTS[name] : undefined;
  if (!Doc) return <EmptyState title={t('没有这个打印文档', 'No such document')} />;
  return (
    <div className="kd-print-root">
      <Group className="kd-no-print" p="sm" gap="xs">
        <Button size="xs" onClick={() => window.print()}>
          {t('打印', 'Print')}
        </Button>
        <Button size="xs" variant="default" onClick={() => window.history.back()}>
          {t('返回', 'Back')}
        </Button>
      </Group>
      <Doc args={args} />
    </div>
  );
}
