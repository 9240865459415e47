import { ActionIcon, Badge, Button, Card, Group, Menu, Stack, Table, Text } from '@mantine/core';
import { IconDots, IconFileInvoice, IconFileTypePdf, IconPrinter } from '@tabler/icons-react';
import { useState } from 'react';
import { type BillLifecycle, LIFECYCLE_LABELS } from '../../../core/billing/lifecycle';
import type { Api } from '../../../electron/api/index';
import { useApiQuery } from '../../api/hooks';
import { navigate } from '../../app/router';
import { useSession } from '../../app/session';
import { ClassSelect, MonthField } from '../../attendance/shared';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n';
import { usePeriod } from '../labels';
import { printDocument, saveDocumentAsPdf } from '../../print/print';
import { BillDetail } from './BillDetail';
import { PaymentStatusCell } from './PaymentStatusCell';
import { ReplaceBill, VoidBill } from './FixBill';
import { RunPreview } from './RunPreview';

type Bill = Api['bills.list']['output']['bills'][number];
const LIFECYCLE_COLORS: Record<BillLifecycle, string> = { issued: 'blue', replaced: 'gray', voided: 'red' };

/** The route of the fee notices to print: a child, a class or the whole kindergarten for a month. */
export function noticesRoute(month: string, scope: { classId?: number | null; childId?: number }): string {
  if (scope.childId) return `fee-notices/${month}/child/${scope.childId}`;
  return scope.classId ? `fee-notices/${month}/class/${scope.classId}` : `fee-notices/${month}/all`;
}

/** 缴费通知单: the month's bills with where each stands; issue the month, print, replace or void. */
export function BillsTab({ path }: { path: string[] }) {
  const t = useT();
  const period = usePeriod();
  const { actor } = useSession();
  const manage = actor.role === 'principal' || actor.role === 'finance';
  const [classId, setClassId] = useState<number | null>(null);
  const month = path[0] && /^\d{4}-\d{2}$/.test(path[0]) ? path[0] : undefined;
  const { data, error, reload } = useApiQuery('bills.list', { month, classId: classId ?? undefined });
  const [previewing, setPreviewing] = useState(false);
  const [open, setOpen] = useState<{ kind: 'detail' | 'replace' | 'void'; bill: Bill } | null>(null);
  if (error) return <ErrorAlert error={error} />;
  if (!data) return null;
  const setMonth = (m: string) => navigate(`/billing/bills/${m}`);
  // What prints for the month: its live notices, a semester bill with the month it starts in.
  const live = data.bills.filter((b) => b.lifecycle === 'issued' && b.periodFirst === data.month);
  const issueButton = manage && (
    <Button leftSection={<IconFileInvoice size={16} />} onClick={() => setPreviewing(true)}>
      {t('开具本月缴费通知单', 'Issue this month’s bills')}
    </Button>
  );
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Group align="flex-end">
          <MonthField value={data.month} onChange={setMonth} testId="bills-month" />
          <ClassSelect value={classId} onChange={setClassId} allowAll />
        </Group>
        <Group>
          {live.length > 0 && (
            <Button variant="default" leftSection={<IconPrinter size={16} />} onClick={() => void printDocument(noticesRoute(data.month, { classId }))}>
              {classId ? t(`打印本班通知单（${live.length} 份）`, `Print the class’s notices (${live.length})`) : t(`打印全园通知单（${live.length} 份）`, `Print all notices (${live.length})`)}
            </Button>
          )}
          {/* The desktop app saves the same print job as one PDF (printToPDF); in browser mode the print page's own dialog does. */}
          {live.length > 0 && window.kd && (
            <Button variant="default" leftSection={<IconFileTypePdf size={16} />} onClick={() => void saveDocumentAsPdf(noticesRoute(data.month, { classId }), `缴费通知单-${data.month}.pdf`)}>
              {t('存为 PDF', 'Save as PDF')}
            </Button>
          )}
          {issueButton}
        </Group>
      </Group>
      {previewing && <RunPreview month={data.month} onClose={() => setPreviewing(false)} onIssued={reload} />}
      {open?.kind === 'detail' && <BillDetail billId={open.bill.id} onClose={() => setOpen(null)} />}
      {open?.kind === 'replace' && <ReplaceBill bill={open.bill} onClose={() => setOpen(null)} onDone={reload} />}
      {open?.kind === 'void' && <VoidBill bill={open.bill} onClose={() => setOpen(null)} onDone={reload} />}
      {data.bills.length === 0 ? (
        <EmptyState icon={<IconFileInvoice />} title={t(`${data.month} 还没有缴费通知单`, `No bills for ${data.month} yet`)} action={issueButton}>
          {manage
            ? t('点击“开具本月缴费通知单”：先预览每名幼儿的收费明细、减免和结余抵扣，以及无法开具的原因，确认后一次开具并编号。', 'Click “Issue this month’s bills”: preview every child’s lines first, then issue them all at once.')
            : t('财务或园长开具本月缴费通知单后，可在这里查看和打印。', 'Once finance or the principal issues the month’s bills, they can be viewed and printed here.')}
        </EmptyState>
      ) : (
        <Card withBorder p={0}>
          <Text size="sm" px="sm" py={6} data-testid="bills-summary">
            {t(
              `共 ${data.bills.length} 份（有效 ${data.bills.filter((b) => b.lifecycle === 'issued').length}，已替换 ${data.bills.filter((b) => b.lifecycle === 'replaced').length}，已作废 ${data.bills.filter((b) => b.lifecycle === 'voided').length}），其中本月开具 ${live.length} 份。`,
              `${data.bills.length} bills, ${live.length} issued for this month.`,
            )}
          </Text>
          <Table striped highlightOnHover verticalSpacing={4} data-testid="bills-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('编号', 'Number')}</Table.Th>
                <Table.Th>{t('幼儿', 'Child')}</Table.Th>
                <Table.Th>{t('班级', 'Class')}</Table.Th>
                <Table.Th>{t('期间', 'Period')}</Table.Th>
                <Table.Th ta="right">{t('应缴', 'Due')}</Table.Th>
                <Table.Th>{t('截止', 'Due on')}</Table.Th>
                <Table.Th>{t('状态', 'State')}</Table.Th>
                <Table.Th>{t('缴费', 'Paid')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.bills.map((b) => (
                <Table.Tr key={b.id} c={b.lifecycle === 'issued' ? undefined : 'dimmed'}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Text size="sm" component="button" type="button" onClick={() => setOpen({ kind: 'detail', bill: b })} style={{ background: 'none', border: 0, padding: 0, cursor: 'pointer', color: 'inherit', textDecoration: 'underline dotted' }}>
                      {b.number}
                    </Text>
                  </Table.Td>
                  <Table.Td>{b.childName}</Table.Td>
                  <Table.Td>{b.className}</Table.Td>
                  <Table.Td>{period(b)}</Table.Td>
                  <Table.Td ta="right">{b.totalDue}</Table.Td>
                  <Table.Td>{b.dueOn}</Table.Td>
                  <Table.Td>
                    <Badge color={LIFECYCLE_COLORS[b.lifecycle]} variant="light">
                      {t(...LIFECYCLE_LABELS[b.lifecycle])}
                    </Badge>
                    {b.replacesNumber && (
                      <Text size="xs" c="dimmed">
                        {t(`替换 ${b.replacesNumber}`, `replaces ${b.replacesNumber}`)}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <PaymentStatusCell billId={b.id} totalDue={b.totalDue} dueOn={b.dueOn} lifecycle={b.lifecycle} />
                  </Table.Td>
                  <Table.Td>
                    <Menu position="bottom-end" withinPortal>
                      <Menu.Target>
                        <ActionIcon variant="subtle" aria-label={t(`${b.number} 的操作`, `Actions for ${b.number}`)}>
                          <IconDots size={16} />
                        </ActionIcon>
                      </Menu.Target>
                      <Menu.Dropdown>
                        <Menu.Item onClick={() => setOpen({ kind: 'detail', bill: b })}>{t('查看明细', 'Details')}</Menu.Item>
                        {b.lifecycle === 'issued' && (
                          <Menu.Item onClick={() => void printDocument(noticesRoute(data.month, { childId: b.childId }))}>{t('打印通知单', 'Print notice')}</Menu.Item>
                        )}
                        {manage && b.lifecycle === 'issued' && <Menu.Item onClick={() => setOpen({ kind: 'replace', bill: b })}>{t('更正（开具替换单）', 'Correct (replace)')}</Menu.Item>}
                        {manage && b.lifecycle === 'issued' && (
                          <Menu.Item color="red" onClick={() => setOpen({ kind: 'void', bill: b })}>
                            {t('作废', 'Void')}
                          </Menu.Item>
                        )}
                      </Menu.Dropdown>
                    </Menu>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      )}
    </Stack>
  );
}
