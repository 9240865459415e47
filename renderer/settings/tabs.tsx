import type { ComponentType } from 'react';
import type { Role } from '../../electron/api/define';
import { ClassesTab } from './ClassesTab';
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
];
