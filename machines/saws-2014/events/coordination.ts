/** 三, version 9: 人事司(宣教办)'s 协调跟踪办理 of an opinion that concerns the coal-mine inspection system or a local bureau. */

import { z } from 'zod'
import type { EventSpec } from '../../kit/types.js'
import { clause } from '../../vocabulary.js'
import { COAL_OR_LOCAL } from '../rules.js'
import { spec, text } from './helpers.js'

export const coordinateTracking: EventSpec = spec({
  type: 'COORDINATE_TRACKING',
  label: '协调跟踪办理',
  roles: ['office'],
  meta: clause('三', `${COAL_OR_LOCAL}的网络舆情，由人事司(宣教办)负责协调跟踪办理`),
  schema: z.object({ note: text('协调跟踪办理情况') }).strict(),
})
