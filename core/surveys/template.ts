import { type QuestionDef, RATING_LABELS } from './types';

/**
 * The built-in parent questionnaire: seed 001's dimensions (teaching quality,
 * teachers, environment and hygiene, safety, food, communication) plus fees
 * transparency and the 0–10 recommendation question. Short enough for one A4
 * sheet, so parents fill it in at pick-up time.
 */
export const BUILT_IN_TEMPLATE: { name: string; description: string; questions: QuestionDef[] } = {
  name: '家长满意度调查（园所标准版）',
  description: '覆盖教育教学、教师、环境卫生、安全、伙食、家园沟通、收费透明与推荐意愿，每学期一次。',
  questions: [
    rating('教育教学', '您对幼儿园的教育教学质量（课程与活动安排）是否满意？'),
    rating('教育教学', '您对孩子入园以来在生活自理、语言、交往等方面的进步是否满意？'),
    rating('教师素质', '您对班级教师的专业素养和责任心是否满意？'),
    rating('教师素质', '您对教师对待孩子的耐心和关爱是否满意？'),
    rating('环境与卫生', '您对园所环境和设施设备是否满意？'),
    rating('环境与卫生', '您对园内卫生和消毒工作是否满意？'),
    rating('安全管理', '您对幼儿园的安全管理（接送、门卫、消防演练）是否满意？'),
    rating('伙食营养', '您对孩子的伙食和营养搭配是否满意？'),
    rating('家园沟通', '您对家园沟通（家长会、班级群、联系手册）是否满意？'),
    rating('家园沟通', '您反映的问题能否得到及时回应？'),
    {
      section: '家园沟通',
      kind: 'single',
      text: '您最常用的家园沟通方式是？',
      options: ['班级微信群/钉钉群', '家校联系手册', '电话', '家长会', '接送时当面交流'],
    },
    rating('收费透明', '您对收费标准公开、收退费清楚透明是否满意？'),
    {
      section: '总体评价',
      kind: 'multi',
      text: '您希望幼儿园在哪些方面继续改进？（可多选）',
      options: ['教学活动', '师资', '环境设施', '卫生', '安全', '伙食', '家园沟通', '收费'],
    },
    { section: '总体评价', kind: 'nps', text: '您有多大可能向亲友推荐我园？（0 = 完全不可能，10 = 非常可能）', options: [] },
    { section: '总体评价', kind: 'text', text: '您对幼儿园还有哪些意见和建议？', options: [] },
  ],
};

function rating(section: string, text: string): QuestionDef {
  return { section, kind: 'rating', text, options: [...RATING_LABELS] };
}
