/**
 * Version 14's events: version 13's (`base`), with REPORT's recipients one by one (二(三)6's 相关部门:
 * 四(一)'s 市委宣传部、市公安部门 and 其他有关部门) and METRICS_UPDATED taking 三(四)3's fact `majorEmergency`.
 */
import { z } from 'zod'
import type { EventSpec } from '../kit/types.js'
import { FactsSchema, PlanFactsSchema } from '../vocabulary.js'
import { RECIPIENTS_V14 } from './rules.js'

const RECIPIENT_WORDS =
  '报送对象（group=网络舆情应急管理小组，cac=市网信办；仅报告处置工作情况：propaganda=市委宣传部，police=市公安部门，departments=其他有关部门）'

/** 三(四)3 对于重大突发事件…: the 舆情 concerns a 重大突发事件 (stated by the monitor or the office; it grades nothing). */
const FactsV14 = FactsSchema.extend({
  majorEmergency: PlanFactsSchema.shape.majorEmergency.describe('涉及重大突发事件（三(四)3）'),
})

export const eventsV14 = (base: readonly EventSpec[]): EventSpec[] =>
  base.map((e) => {
    if (e.type === 'REPORT')
      return {
        ...e,
        schema: e.schema.extend({
          to: z.array(z.enum(RECIPIENTS_V14)).min(1).max(RECIPIENTS_V14.length).describe(RECIPIENT_WORDS),
        }),
      }
    if (e.type === 'METRICS_UPDATED') return { ...e, schema: e.schema.extend({ facts: FactsV14 }) }
    return e
  })
