/**
 * Version 8's events: version 7's, with CARRY_OUT naming the 批示 it carries out (第三條1: each
 * 批示 is a duty of its own; rules/version8.ts). Without `obligation` it carries out the oldest
 * 批示 still owed; naming one that is not owed is refused (409, with the ones it may name).
 */
import { z } from 'zod'
import { fields } from '../kit/kit.js'
import type { EventSpec } from '../kit/types.js'
import { eventsV7 } from './events-v7.js'

const carryOut = z
  .object({
    result: z.string().trim().min(1).max(4000).describe('落实情况'),
    obligation: z
      .string()
      .regex(/^instruction#[1-9][0-9]*$/)
      .optional()
      .describe('所落实的批示（应办事项编号，如 instruction#2）；不填则落实最早一项尚未落实的批示'),
    note: fields.note,
  })
  .strict()

export const eventsV8: EventSpec[] = eventsV7.map((e) =>
  e.type === 'CARRY_OUT' ? { ...e, schema: carryOut } : e,
)
