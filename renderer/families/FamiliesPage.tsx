import { Button, Stack, Tabs } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconFileImport, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { ApiCallError, api } from '../api/client';
import { navigate } from '../app/router';
import { useCan } from '../app/session';
import { PageHeader } from '../components/PageHeader';
import { useT } from '../i18n';
import { FeedbackTab } from './FeedbackTab';
import { FollowUpsTab } from './FollowUpsTab';
import { HouseholdView } from './household/HouseholdView';
import { ImportView } from './ImportView';
import { NewFamilyForm } from './NewFamilyForm';
import { RosterTab } from './RosterTab';
import { SearchBox } from './SearchBox';
import { downloadBase64 } from './shared';

/**
 * #/families             roster        #/families/followups  follow-ups due
 * #/families/feedback    complaints    #/families/household/12  one family
 * #/families/new         new family    #/families/import     roster import
 */
export function FamiliesPage({ path }: { path: string[] }) {
  const [section, arg] = path;
  if (section === 'household' && arg) return <HouseholdView key={arg} id={Number(arg)} />;
  if (section === 'new') return <NewFamilyForm />;
  if (section === 'import') return <ImportView />;
  return <Overview tab={section ?? 'roster'} />;
}

function Overview({ tab }: { tab: string }) {
  const t = useT();
  const canEdit = useCan('principal', 'front_desk');
  const canExport = useCan('principal', 'front_desk', 'finance');
  const canSeeFeedback = useCan('principal', 'front_desk', 'finance');
  const [exporting, setExporting] = useState(false);

  const exportAll = async () => {
    setExporting(true);
    try {
      const file = await api('families.export', {});
      downloadBase64(file.fileName, file.base64, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      notifications.show({ color: 'green', message: t(`已导出 ${file.children} 名幼儿、${file.guardians} 位家长`, `Exported ${file.children} children`) });
    } catch (e) {
      notifications.show({ color: 'red', message: e instanceof ApiCallError ? e.message : String(e) });
    } finally {
      setExporting(false);
    }
  };

  return (
    <>
      <PageHeader
        title={t('幼儿与家长', 'Children & families')}
        actions={
          <>
            {canExport && (
              <Button variant="default" leftSection={<IconDownload size={16} />} loading={exporting} onClick={() => void exportAll()}>
                {t('导出 Excel', 'Export to Excel')}
              </Button>
            )}
            {canEdit && (
              <>
                <Button variant="default" leftSection={<IconFileImport size={16} />} onClick={() => navigate('/families/import')}>
                  {t('导入花名册', 'Import roster')}
                </Button>
                <Button leftSection={<IconPlus size={16} />} onClick={() => navigate('/families/new')}>
                  {t('新增家庭', 'New family')}
                </Button>
              </>
            )}
          </>
        }
      />
      <Stack>
        <SearchBox />
        <Tabs value={tab} onChange={(v) => navigate(v === 'roster' ? '/families' : `/families/${v}`)} keepMounted={false}>
          <Tabs.List mb="md">
            <Tabs.Tab value="roster">{t('幼儿名单', 'Roster')}</Tabs.Tab>
            <Tabs.Tab value="followups">{t('待跟进', 'Follow-ups')}</Tabs.Tab>
            {canSeeFeedback && <Tabs.Tab value="feedback">{t('意见与投诉', 'Feedback & complaints')}</Tabs.Tab>}
          </Tabs.List>
          <Tabs.Panel value="roster">
            <RosterTab />
          </Tabs.Panel>
          <Tabs.Panel value="followups">
            <FollowUpsTab />
          </Tabs.Panel>
          {canSeeFeedback && (
            <Tabs.Panel value="feedback">
              <FeedbackTab />
            </Tabs.Panel>
          )}
        </Tabs>
      </Stack>
    </>
  );
}
