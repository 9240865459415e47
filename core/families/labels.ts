/** The families area's fixed vocabularies, stored in English codes and shown in Chinese first. */
type Labels<K extends string> = Record<K, readonly [zh: string, en: string]>;

export const CHILD_STATUSES = ['enrolled', 'suspended', 'withdrawn', 'graduated'] as const;
export type ChildStatus = (typeof CHILD_STATUSES)[number];
export const CHILD_STATUS_LABELS: Labels<ChildStatus> = {
  enrolled: ['在园', 'Enrolled'],
  suspended: ['休学', 'Suspended'],
  withdrawn: ['退园', 'Withdrawn'],
  graduated: ['毕业', 'Graduated'],
};

export const GENDERS = ['M', 'F'] as const;
export const GENDER_LABELS: Labels<(typeof GENDERS)[number]> = { M: ['男', 'Boy'], F: ['女', 'Girl'] };

export const BILLING_MODES = ['monthly', 'semester'] as const;
export const BILLING_MODE_LABELS: Labels<(typeof BILLING_MODES)[number]> = {
  monthly: ['按月缴费', 'Monthly'],
  semester: ['按学期缴费', 'Per semester'],
};

/** NT-3.7 reduction categories. */
export const REDUCTION_CATEGORIES = [
  'dibao',
  'hardship_worker',
  'disability_card',
  'disabled_child',
  'orphan',
  'martyr',
  'soldier',
] as const;
export const REDUCTION_LABELS: Labels<(typeof REDUCTION_CATEGORIES)[number]> = {
  dibao: ['低保家庭', 'Minimum-income family'],
  hardship_worker: ['困难职工证', 'Hardship-worker card'],
  disability_card: ['残疾证（家长）', 'Parent disability card'],
  disabled_child: ['残疾儿童', 'Disabled child'],
  orphan: ['孤儿', 'Orphan'],
  martyr: ['烈士子女', "Martyr's child"],
  soldier: ['因公牺牲军人子女', "Child of a soldier who died on duty"],
};

export const CONTACT_CHANNELS = ['phone', 'wechat', 'meeting', 'parent_meeting', 'handbook'] as const;
export const FEEDBACK_CHANNELS = [...CONTACT_CHANNELS, 'suggestion_box'] as const;
export const CHANNEL_LABELS: Labels<(typeof FEEDBACK_CHANNELS)[number]> = {
  phone: ['电话', 'Phone'],
  wechat: ['微信', 'WeChat'],
  meeting: ['面谈', 'In person'],
  parent_meeting: ['家长会', 'Parent meeting'],
  handbook: ['家园联系手册', 'Home-school handbook'],
  suggestion_box: ['意见箱', 'Suggestion box'],
};

export const FEEDBACK_CATEGORIES = ['fees', 'meals', 'safety', 'teaching', 'hygiene', 'other'] as const;
export const FEEDBACK_CATEGORY_LABELS: Labels<(typeof FEEDBACK_CATEGORIES)[number]> = {
  fees: ['收费', 'Fees'],
  meals: ['伙食', 'Meals'],
  safety: ['安全', 'Safety'],
  teaching: ['教学', 'Teaching'],
  hygiene: ['卫生', 'Hygiene'],
  other: ['其他', 'Other'],
};

export const FEEDBACK_STATUSES = ['open', 'in_progress', 'replied', 'closed'] as const;
export type FeedbackStatus = (typeof FEEDBACK_STATUSES)[number];
export const FEEDBACK_STATUS_LABELS: Labels<FeedbackStatus> = {
  open: ['待处理', 'Open'],
  in_progress: ['处理中', 'In progress'],
  replied: ['已回复', 'Replied'],
  closed: ['已关闭', 'Closed'],
};

export const RELATIONSHIPS = ['父亲', '母亲', '祖父', '祖母', '外祖父', '外祖母', '其他'] as const;
/** Relationships are stored as typed (in Chinese); these are shown in the English UI. '监护人' is what an import without a relationship column records. */
export const RELATIONSHIP_EN: Readonly<Record<string, string>> = {
  父亲: 'Father',
  母亲: 'Mother',
  祖父: "Father's father",
  祖母: "Father's mother",
  外祖父: "Mother's father",
  外祖母: "Mother's mother",
  其他: 'Other',
  监护人: 'Guardian',
};
