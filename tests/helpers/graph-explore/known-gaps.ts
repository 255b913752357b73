/**
 * The graph coverage suite's known gaps: what its bounded exploration is known not to
 * prove yet, per plan (tests/machines/graph.coverage.test.ts fails when one grows or closes).
 */
/**
 * What the bounded exploration is known not to prove yet, per plan (with obligations the
 * state space is far larger than the search this suite can afford on two cores). These
 * plans' transitions and closability are exercised by the random walks (1,000 per plan,
 * tests/machines/random-walk.test.ts), the owed-list walks (invariants.property) and the
 * HTTP and console walks to closed. A gap that grows fails here; one that closes must be
 * removed here (the counts are exact for the untaken transitions, upper bounds for the
 * sampled close searches).
 */
export const KNOWN_GAPS: Record<string, { untaken: readonly string[]; trapped: number; perturbed: number }> =
  {
    'hrss-city': {
      // Version 12: a source given at the opening is the source recorded (三第一步, rule 6), so
      // capturing passes to grading at once; the exploration opens without a source (the opening's
      // `source` is no grade and no fact). Taken by name in tests/machines/hrss-city.v12.test.ts
      // ('opened unclassified with a source: …', 'opened graded with a source: …') and over HTTP in
      // tests/http/hrss-city-opening.test.ts.
      // Version 13: classified, waiting in sourcing, with the source recorded — only its migration from
      // 12 records it there (an incident opened on 11 with a source, classified on 12: rules/migration-v13.ts);
      // its own incidents pass capturing first. Taken by name in tests/machines/hrss-city.v13-migration.test.ts
      // ('classified on 12 (sourcing), …') and through the engine in tests/engine/migrate-hrss-opening-source.test.ts
      // ('classified on 12 …').
      untaken: [
        'hrss-city.phase.discovery.capturing always#0 [stepDone({"step":"source"})] → grading',
        'hrss-city.phase.discovery.sourcing always#0 [stepDone({"step":"source"})] → found',
      ],
      trapped: 0,
      perturbed: 0,
    },
    'nanchong-npc-2022': {
      untaken: [
        // Version 14 dates 三(四)4's investigation and accountability in working days, the plan's first
        // such due times (uncertain across a year the holiday data does not cover): the probes from the
        // uncertain openings take no category, so no investigation is owed there. Re-quoted by name in
        // nanchong-npc-2022.v14.test.ts ('an investigation due in a year …').
        'nanchong-npc-2022.phase REQUOTE#0 [canRequote] → (self)',
        'nanchong-npc-2022.phase CAC_CONSENT_BLOCK#0 [and] → (self)',
        'nanchong-npc-2022.phase BLOCK_CONTENT#0 [and] → (self)',
        // Version 3's states use the budget elsewhere; tested by name in nanchong-npc-2022.staged.test.ts
        // ('the stance response may go out in consultation, before the measures are final').
        'nanchong-npc-2022.phase.consultation STANCE#0 [and] → (self)',
      ],
      // Version 4's decisions (三(四)2, 三(五), 三(六)) lengthen every way to closed past the
      // bounded search from a few discovery states (unclassified, before or after the report's
      // breach); such a state closed by hand in nanchong-npc-2022.v4.test.ts, and the random walks close them.
      // Version 11 owes the category while none is set (三(四)1) and the response ends only once it
      // is set or waived: the unclassified openings split by it (step:categorize owed or met, four
      // of the five; a waiver of it is one more perturbation), and its route to closed takes every
      // draft of the response before SET_CATEGORY — the staged releases above, untaken on version
      // 10, are taken on that route (closed by hand in nanchong-npc-2022.v11.test.ts).
      // Version 12 owes 市网信办 the report of the handling work after the subsiding at 较大 and
      // above (二(三)6): one step more on those routes, the same states past the bounded search
      // (one, 恶意炒作 graded 较大 after the report's breach, closed by hand in
      // nanchong-npc-2022.v12.test.ts).
      // Version 14: from the same unclassified discovery states, two more kinds of perturbation — the
      // plan's fact majorEmergency stated (三(四)3: the conference decision owed, one of each category's
      // state) and the new due times passing (咨询's reply, the investigation) — and two more decisions on
      // every way past the subsiding (二(三)6's 市委宣传部、市公安部门): 9 → 20, all opened unclassified
      // (one closed by hand in nanchong-npc-2022.v14.test.ts, 'unclassified, a 重大突发事件 stated …').
      trapped: 5,
      perturbed: 20,
    },
    'saws-2014': {
      // The takedown request a 定性 changed to 谣言 after subsiding owes in disposal and review
      // (walked by hand in tests/machines/saws-2014.v8-late-route.test.ts). Why the search misses
      // it: REQUEST_TAKEDOWN is also a measure of 四(三), accepted in the response at any category,
      // and every flow state in disposal and review took it there (the routes to closed from the
      // openings go through 谣言 and 恶意炒作, and take it; no other category gets past its answer
      // in the flow), so a change to 谣言 there finds the request done before (rule 6) and owes
      // none. Review's CONTROL_SOURCE is taken since category changes after subsiding start from
      // one state per phase state and category (explore.ts `byCategory`): 谣言 changed to 恶意炒作.
      untaken: [
        'saws-2014.phase.disposal REQUEST_TAKEDOWN#0 [and] → (self)',
        'saws-2014.phase.review REQUEST_TAKEDOWN#0 [and] → (self)',
      ],
      trapped: 0,
      perturbed: 0,
    },
    'nanning-aic-2017': {
      untaken: [
        'nanning-aic-2017.phase REQUOTE#0 [canRequote] → (self)',
        // Version 10's INTERVIEW (any open phase, the outlet authorised) is taken: the gap of
        // versions 4–9 (response.INTERVIEW past PER_PLACE) closed.
      ],
      trapped: 0,
      perturbed: 0,
    },
    'neixiang-2017': {
      // Version 9: CONVENE from discovery follows a waiver of report:group#1 (rule 2); the
      // exploration waives only as a one-step perturbation and takes no flow step after it.
      // Taken by name in tests/machines/neixiang-2017.v9.test.ts ('waived before any report,
      // the group convenes …').
      untaken: [
        'neixiang-2017.phase.discovery.found CONVENE#0 [holds({"when":{"any":[{"act":"REPORT","fields":{"to":["group"]}},{"settled":"report:group"}]}})] → #neixiang-2017.phase.consultation',
      ],
      trapped: 0,
      // Version 10: opened unclassified, reported to the group, convened, the release waived
      // (WAIVE release#1): the walk towards closed (closes.ts `dive`) leaves the stance undrafted
      // and, in review, relapses round after round (each relapse owing, from version 10, the
      // progress to the principal leaders beside the 通报) until its DIVE_STEPS run out; the
      // bounded search's SEARCH_CAP does not reach closed either. Taken by name in
      // tests/machines/neixiang-2017.v10.test.ts ('the release waived in consultation, …').
      perturbed: 1,
    },
    // Version 3's stance takes three side steps (a stance draft, its approval, the stance):
    // the `following` states with a second release draft approved fall past PER_PLACE.
    // Both are taken in tests/machines/neixiang-2017.v3-response.test.ts (a new draft released
    // in stages and in the mainstream media, each only once its line is agreed).
  }
export const gapsOf = (id: string) => KNOWN_GAPS[id] ?? { untaken: [], trapped: 0, perturbed: 0 }
