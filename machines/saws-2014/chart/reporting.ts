/** 五(一) 分类报送: the grade's report has reached 人事司(宣教办); it convenes. */
import { and } from 'xstate'
import { clause } from '../../vocabulary.js'
import { convener, step, type Version } from './helpers.js'

export function reporting(version: Version) {
  const v4 = version >= 4
  return {
    meta: clause('五(一)', '分类报送'),
    on: {
      CONVENE: {
        target: 'consultation',
        // Version 4: below 重大 only 人事司 convenes (五(一)1 通知相关单位, 五(三)2 组织会商).
        // Version 6: nor the leader while 人事司's notice to the unit is owed (五(一)1).
        guard: v4 ? and(['reported', convener(version)]) : 'reported',
        actions: step('convened'),
        meta: clause(
          '五(一)1、五(三)2、五(三)3',
          '人事司(宣教办)通知相关单位办理／组织会商／分管领导召开应对会',
        ),
      },
    },
  } as const
}
