import { Button } from '@mantine/core';
import { useCan } from '../app/session';
import { useT } from '../i18n';
import { printDocument } from '../print/print';

/** 打印收费协议 on a child's record: the agreement signed at enrolment (seed 004, 2.2). */
export function FeeAgreementButton({ childId }: { childId: number }) {
  const t = useT();
  if (!useCan('principal', 'finance', 'front_desk')) return null;
  return (
    <Button size="xs" variant="subtle" onClick={() => void printDocument(`fee-agreement/${childId}`)} data-testid="print-fee-agreement">
      {t('打印收费协议', 'Print fee agreement')}
    </Button>
  );
}
