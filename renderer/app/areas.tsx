import {
  IconCalendarCheck,
  IconChartBar,
  IconCoinYuan,
  IconHome,
  IconMoodSmile,
  IconSettings,
  IconUsers,
} from '@tabler/icons-react';
import type { ComponentType, ReactNode } from 'react';
import type { Role } from '../../electron/api/define';
import { AttendancePage } from '../attendance/AttendancePage';
import { BillingPage } from '../billing/BillingPage';
import { FamiliesPage } from '../families/FamiliesPage';
import { HomePage } from '../home/HomePage';
import { ReportsPage } from '../reports/ReportsPage';
import { SettingsPage } from '../settings/SettingsPage';
import { SurveysPage } from '../surveys/SurveysPage';

/** The app's areas, in menu order. Each page receives the rest of the hash path. */
export interface Area {
  id: string;
  label: [zh: string, en: string];
  icon: ReactNode;
  page: ComponentType<{ path: string[] }>;
  roles: readonly Role[];
}

const ALL: readonly Role[] = ['principal', 'finance', 'front_desk', 'teacher'];

export const AREAS: Area[] = [
  { id: 'home', label: ['首页', 'Home'], icon: <IconHome size={18} />, page: HomePage, roles: ALL },
  { id: 'families', label: ['幼儿与家长', 'Children & families'], icon: <IconUsers size={18} />, page: FamiliesPage, roles: ALL },
  { id: 'attendance', label: ['考勤', 'Attendance'], icon: <IconCalendarCheck size={18} />, page: AttendancePage, roles: ALL },
  { id: 'billing', label: ['收费', 'Fees'], icon: <IconCoinYuan size={18} />, page: BillingPage, roles: ['principal', 'finance', 'front_desk'] },
  { id: 'surveys', label: ['满意度调查', 'Surveys'], icon: <IconMoodSmile size={18} />, page: SurveysPage, roles: ['principal', 'front_desk', 'teacher'] },
  { id: 'reports', label: ['报表', 'Reports'], icon: <IconChartBar size={18} />, page: ReportsPage, roles: ['principal', 'finance'] },
  { id: 'settings', label: ['设置', 'Settings'], icon: <IconSettings size={18} />, page: SettingsPage, roles: ALL },
];
