/** Survey words other screens show too (the review, its printed report). */

/** An improvement action's status: Chinese, English, badge colour. */
export const ACTION_STATUS: Record<string, [string, string, string]> = {
  planned: ['计划中', 'Planned', 'gray'],
  in_progress: ['进行中', 'In progress', 'blue'],
  done: ['已完成', 'Done', 'green'],
};

export const actionStatusLabel = (status: string): [string, string] => {
  const [zh, en] = ACTION_STATUS[status] ?? [status, status];
  return [zh, en];
};
