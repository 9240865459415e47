import type { ComponentType } from 'react';
import type { Role } from '../../electron/api/define';
import { LegalCalendarSettings } from '../attendance/CalendarScreen';
import { AccountsTab } from './accounts/AccountsTab';
import { MyAccountTab } from './accounts/MyAccountTab';
import { AuditTab } from './audit/AuditTab';
import { BackupTab } from './backup/BackupTab';
import { ClassesTab } from './ClassesTab';
import { PoliciesTab } from './PoliciesTab';
import { ProfileTab } from './ProfileTab';
import { SchoolYearsTab } from './SchoolYearsTab';

/** Settings tabs in order; an area adds its own tab here. */
export interface SettingsTab {
  id: string;
  label: [zh: string, en: string];
  roles: readonly Role[];
  component: ComponentType;
}

export const SETTINGS_TABS: SettingsTab[] = [
  { id: 'profile', label: ['幼儿园资料', 'Kindergarten'], roles: ['principal', 'finance', 'front_desk', 'teacher'], component: ProfileTab },
  { id: 'years', label: ['学年与学期', 'School years'], roles: ['principal', 'finance', 'front_desk', 'teacher'], component: SchoolYearsTab },
  { id: 'classes', label: ['班级', 'Classes'], roles: ['principal', 'finance', 'front_desk', 'teacher'], component: ClassesTab },
  { id: 'policies', label: ['收费文件', 'Fee notices'], roles: ['principal', 'finance', 'front_desk'], component: PoliciesTab },
  { id: 'calendar', label: ['法定日历', 'Legal calendar'], roles: ['principal', 'finance', 'front_desk', 'teacher'], component: LegalCalendarSettings },
  { id: 'accounts', label: ['账号管理', 'Accounts'], roles: ['principal'], component: AccountsTab },
  { id: 'audit', label: ['操作记录', 'Audit trail'], roles: ['principal'], component: AuditTab },
  { id: 'backup', label: ['备份与恢复', 'Backup & restore'], roles: ['principal'], component: BackupTab },
  { id: 'me', label: ['我的账号', 'My account'], roles: ['principal', 'finance', 'front_desk', 'teacher'], component: MyAccountTab },
];
