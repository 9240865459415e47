/**
 * Every action the audit trail records, with the words the audit screen shows
 * for it (Chinese, English). AuditEntry.action is this union, so an action
 * cannot be written without its labels. The names keep the styles rows
 * already stored in kindergartens' databases carry (entity.verb for records,
 * area.verb for attendance, survey.part.verb): renaming one would orphan the
 * rows written under the old name.
 */
export const AUDIT_ACTIONS = {
  'staff.create': ['新建账号', 'Account created'],
  'staff.update': ['修改账号', 'Account changed'],
  'staff.resetPassword': ['重置密码', 'Password reset'],
  'staff.disable': ['停用账号', 'Account disabled'],
  'staff.enable': ['启用账号', 'Account enabled'],
  'staff.changePassword': ['修改密码', 'Password changed'],
  'staff.locked': ['账号锁定', 'Account locked'],
  'setup.complete': ['首次设置', 'First setup'],
  'setup.demo': ['载入演示数据', 'Demo loaded'],
  'backup.create': ['手动备份', 'Manual backup'],
  'backup.restore': ['从备份恢复', 'Restored from backup'],
  'backup.setFolder': ['设置备份文件夹', 'Backup folder set'],
  'settings.idleLock': ['设置自动锁屏', 'Idle lock set'],
  'kindergarten.update': ['修改幼儿园资料', 'Kindergarten details changed'],
  'schoolYear.create': ['新增学年', 'School year added'],
  'schoolYear.update': ['修改学年', 'School year changed'],
  'class.create': ['新增班级', 'Class added'],
  'class.update': ['修改班级', 'Class changed'],
  'policy.copy': ['调整收费文件', 'Fee notice adjusted'],
  'household.create': ['新增家庭', 'Household added'],
  'household.update': ['修改家庭', 'Household changed'],
  'child.create': ['新增幼儿', 'Child added'],
  'child.update': ['修改幼儿资料', 'Child details changed'],
  'child.status': ['幼儿状态变更', 'Child status changed'],
  'guardian.create': ['新增家长', 'Guardian added'],
  'guardian.update': ['修改家长资料', 'Guardian details changed'],
  'guardian.remove': ['移除家长', 'Guardian removed'],
  'contact.create': ['家园沟通记录', 'Contact logged'],
  'contact.followUp': ['完成跟进', 'Follow-up done'],
  'feedback.create': ['登记家长意见', 'Feedback logged'],
  'feedback.update': ['处理家长意见', 'Feedback updated'],
  'families.import': ['导入花名册', 'Roster imported'],
  'families.export': ['导出家庭资料', 'Families exported'],
  'attendance.rollCall': ['点名', 'Roll call'],
  'attendance.leave': ['请假登记', 'Leave recorded'],
  'attendance.cancelLeave': ['取消请假', 'Leave cancelled'],
  'attendance.correct': ['更正考勤', 'Attendance corrected'],
  'attendance.addClosure': ['登记停课', 'Closure added'],
  'attendance.removeClosure': ['撤销停课', 'Closure removed'],
  'attendance.saveCalendarYear': ['录入法定日历', 'Legal calendar saved'],
  'attendance.removeCalendarYear': ['删除法定日历', 'Legal calendar removed'],
  'attendance.settleMonth': ['考勤月结算', 'Month settled'],
  'attendance.markCorrectionsHandled': ['结算更正已处理', 'Corrections handled'],
  'standards.save': ['设定收费标准', 'Fee standard set'],
  'discounts.set': ['设置园内优惠', 'Own discount set'],
  'bills.issue': ['开具缴费通知单', 'Bills issued'],
  'payment.record': ['登记缴费', 'Payment recorded'],
  'payment.void': ['作废收据', 'Payment voided'],
  'payment.invoiceNo': ['登记发票号', 'Invoice number entered'],
  'ledger.export': ['导出家庭账户', 'Family account exported'],
  'arrears.export': ['导出欠费名单', 'Arrears exported'],
  'reports.export': ['导出报表', 'Report exported'],
  'bills.replace': ['更正缴费通知单', 'Bill replaced'],
  'bills.void': ['作废缴费通知单', 'Bill voided'],
  'settlement.book': ['月结', 'Month settled'],
  'settlement.correction': ['结算更正', 'Settlement corrected'],
  'settlement.markCorrectionsHandled': ['结算更正已处理', 'Corrections handled'],
  'settlement.withdraw': ['退园结算', 'Withdrawal settled'],
  'settlement.refundMode': ['设置退费去向', 'Refund destination set'],
  'settlement.payout': ['退费支付', 'Refund paid out'],
  'settlement.voidPayout': ['作废退费支付', 'Refund payout voided'],
  'agency.choice': ['登记代收费自愿参加', 'Collected-on-behalf choice recorded'],
  'vacation.book': ['登记寒暑假托管预订', 'Vacation care booked'],
  'survey.template.create': ['新建问卷', 'Questionnaire created'],
  'survey.template.update': ['修改问卷', 'Questionnaire changed'],
  'survey.run.create': ['发起调查', 'Survey started'],
  'survey.run.close': ['结束调查', 'Survey closed'],
  'survey.run.reopen': ['重新开启调查', 'Survey reopened'],
  'survey.review.view': ['查看匿名调查结果', 'Anonymous survey results viewed'],
  'survey.response.add': ['录入答卷', 'Response entered'],
  'survey.response.delete': ['删除答卷', 'Response deleted'],
  'survey.response.import': ['导入答卷', 'Responses imported'],
  'survey.comment.tag': ['意见标签', 'Comment tagged'],
  'survey.action.create': ['新增改进措施', 'Improvement action added'],
  'survey.action.update': ['更新改进措施', 'Improvement action updated'],
} as const satisfies Record<string, readonly [zh: string, en: string]>;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

export const AUDIT_ACTION_NAMES = Object.keys(AUDIT_ACTIONS) as [AuditAction, ...AuditAction[]];

export function isAuditAction(name: string): name is AuditAction {
  return Object.hasOwn(AUDIT_ACTIONS, name);
}

/** What kind of change an entry records; the audit screen filters and colours by it. */
export const AUDIT_KINDS = ['money', 'attendance', 'record', 'account', 'system'] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];
