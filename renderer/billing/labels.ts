export const FEE_ITEM_LABELS: Record<string, [string, string]> = {
  education: ['保教费', 'Education fee'],
  meal: ['伙食费', 'Meal fee'],
  accommodation: ['住宿费', 'Accommodation fee'],
  custody: ['托管费', 'Custody fee'],
};

export const REASON_LABELS: Record<string, [string, string]> = {
  leave: ['请假（病假、事假）', 'Leave (sick or personal)'],
  withdrawal: ['退园、转园', 'Withdrawal or transfer'],
  false_advertising: ['虚假招生宣传等违规', 'False advertising or other violation'],
};
