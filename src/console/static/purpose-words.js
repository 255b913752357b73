/**
 * A draft's purpose (DRAFT `purpose`) in words: the one table the documents, the incident report,
 * the plan page's tables, the guards' and conditions' words (src/diagrams/field-words.ts
 * `purposeLabel`) and the console (labels.js `purposeLabel`: the DRAFT form, the journal, the plan
 * page) all read, so that an auditor sees one name for one draft everywhere. Plain JavaScript with
 * no imports: the browser loads it as it is (src/console/routes.ts), and the diagrams import it
 * (purpose-words.d.ts gives its types).
 *
 * Each zh word is the plan's own, with the clause it is taken from; where two plans use one code
 * for texts they name differently, `PLAN_PURPOSE_WORDS` gives a plan its own word.
 */

/** Each purpose any plan's DRAFT takes, in zh (the plan's word) and en (the console's toggle). */
export const PURPOSE_WORDS = {
  // saws-2014 五(一)1 经本单位负责人审定后答复
  answer: { zh: '答复', en: 'answer' },
  // saws-2014 五(四)2、3 公开处理结果
  result: { zh: '处理结果', en: 'result of the handling' },
  // saws-2014 五(五)2 发表法律声明
  statement: { zh: '法律声明', en: 'legal statement' },
  // hrss-city 三第四步 根据通稿
  pressRelease: { zh: '通稿', en: 'press release' },
  // nanchong-npc-2022 三(四)3 召开新闻发布会 (hrss-city: PLAN_PURPOSE_WORDS)
  conference: { zh: '新闻发布会', en: 'press conference' },
  // nanchong-npc-2022 三(四)1 拟定答复意见
  reply: { zh: '答复意见', en: 'reply' },
  // nanchong-npc-2022 三(四)1 负责正面解释
  explanation: { zh: '正面解释', en: 'explanation' },
  // nanchong-npc-2022 三(四)1 通过权威渠道公开辟谣
  refutation: { zh: '辟谣', en: 'refutation' },
  // nanchong-npc-2022 三(四)1 第一时间表态性回应 (neixiang-2017: PLAN_PURPOSE_WORDS)
  stance: { zh: '表态性回应', en: 'statement of position' },
  // nanchong-npc-2022 三(四)1 之后进行动态性回应
  progress: { zh: '动态性回应', en: 'progress update' },
  // nanchong-npc-2022 三(四)1 结束后进行结论性回应
  conclusion: { zh: '结论性回应', en: 'concluding response' },
  // nanning-aic-2017 四(四)、五(二) 统一发布权威信息 (neixiang-2017: PLAN_PURPOSE_WORDS)
  release: { zh: '权威信息', en: 'authoritative information' },
  // nanning-aic-2017 五(二) 作出初步回应
  initialResponse: { zh: '初步回应', en: 'initial response' },
  // nanning-aic-2017 五(二) 确定答复意见
  formalReply: { zh: '答复意见', en: 'formal reply' },
  // neixiang-2017 第五條 以新聞發布會、通氣會等形式迅速反應
  press: { zh: '新闻发布会', en: 'press conference' },
}

/** A plan's own word for a purpose another plan names otherwise. */
export const PLAN_PURPOSE_WORDS = {
  // 五(三)3 组织新闻发布会…对外发布权威消息 (its approval's label: 通稿、发布会权威消息)
  'hrss-city': { conference: { zh: '发布会权威消息', en: 'press conference message' } },
  'neixiang-2017': {
    // 第一條 及時、準確發布有關信息, 第七條3 梯度發布信息
    release: { zh: '发布信息', en: 'information release' },
    // 第七條1 應在第一時間表明態度
    stance: { zh: '表明态度', en: 'statement of position' },
  },
}

/** Purpose `code` of plan `planId` in `lang` (zh or en; zh otherwise); an unknown code as it is. */
export const purposeWord = (planId, code, lang = 'zh') => {
  const words = PLAN_PURPOSE_WORDS[planId]?.[code] ?? PURPOSE_WORDS[code]
  if (!words) return String(code)
  return lang === 'en' ? words.en : words.zh
}
