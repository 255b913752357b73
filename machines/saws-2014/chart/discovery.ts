/** 五(一) 收集研判预警: the incident is graded and reported to 人事司(宣教办). */
import { clause, policy } from '../../vocabulary.js'
import type { Version } from './helpers.js'

export function discovery(version: Version) {
  const v4 = version >= 4
  return {
    meta: clause('五(一)', '收集研判预警：实时搜集、分析预判、确定等级'),
    ...(v4
      ? {
          always: {
            target: 'reporting',
            guard: 'reportWaived' as const,
            meta: policy('报送人事司(宣教办)已免除（不再欠）：不再等待报送，转入分类报送', '报送已免除'),
          },
        }
      : {}),
    on: {
      REPORT: {
        target: 'reporting',
        guard: 'isClassified',
        actions: 'recordReport',
        meta: clause('五(一)1、五(一)2、五(一)3', '舆情处按等级报送人事司(宣教办)'),
      },
    },
  } as const
}
