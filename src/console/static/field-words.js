/**
 * The fields of the plans' events and the choices they offer, in English, for the console in
 * English (plan-language.js): GET /plans/:id names them in the plan's Chinese (a field by its
 * description, a choice by `x-enumNames`). A field's name is the one its name has in every event,
 * or the event's own (`TYPE.name`) where the plan means something else by it; a choice's is
 * its field's (`field.code`), or a plan's own. Facts are named by the vocabulary (i18n-terms.js),
 * grades, categories, DECIDE's answer and a draft's purpose by theirs (form.js `enumLabel`).
 * Plain JavaScript with no imports: the browser loads it as it is (src/console/routes.ts).
 */

/** Each field name any plan's event has, in English; `TYPE.name` for one event's own meaning. */
export const FIELD_WORDS_EN = {
  accident: 'The accident',
  accountability: 'Handling and accountability',
  answer: 'Answer',
  appraisal: 'Appraisal of responsibilities (commendations, accountability)',
  arrangement: 'Round-the-clock monitoring arrangements (monitors of the sections)',
  assessment: 'Assessment of how the incident develops',
  authority: 'Assisting authority',
  category: 'Category',
  channel: 'Channel',
  cityCac: 'Liaison with the city Party cyberspace office',
  cityPolice: 'Liaison with the city police’s network security office',
  commendations: 'Commendations proposed',
  content: 'Content',
  course: 'Course of events',
  decision: 'Decision',
  departments: 'Departments contacted',
  description: 'What was kept',
  direction: 'Arrangements of the leading group',
  doubts: 'Doubts of net users',
  draftId: 'Draft',
  draftingBody: 'Drafting department consulted',
  explanation: 'Explanation',
  facts: 'Reach',
  findings: 'Findings',
  grade: 'Grade of the accident',
  grounds: 'Grounds (fabrication, distortion, malicious hype…)',
  improvements: 'Improvements',
  instruction: 'Instruction',
  kind: 'Kind of information',
  leaning: 'Leaning of the comments online',
  measures: 'Measures',
  nature: 'Truth and nature of the incident',
  note: 'Note',
  obligation: 'Obligation',
  opinion: 'Opinion',
  outlet: 'Media outlet',
  part: 'Part done',
  persons: 'Persons',
  place: 'Place',
  plan: 'Plan',
  platform: 'Media and online platforms where it arose',
  progress: 'Investigation and resolution',
  proposal: 'Proposal',
  purpose: 'Purpose',
  query: 'Questions and doubts that cannot be guided',
  reason: 'Reason',
  reference: 'Where it is kept, a link or a digest of the evidence file',
  request: 'Request',
  resolved: 'Resolved',
  result: 'Result',
  severity: 'Grade',
  sites: 'Sites',
  source: 'Source (media, address)',
  speaker: 'Speaker named by the city Party committee and government',
  spokesperson: 'Spokesperson (name, post)',
  statement: 'Statement',
  subject: 'What is reported',
  substantiated: 'Substantiated',
  summary: 'Summary',
  target: 'What to block (address or title)',
  targets: 'Information consented to be blocked (must have been requested)',
  time: 'Time',
  title: 'Title of the article',
  to: 'Recipients',
  unit: 'Unit concerned',
  units: 'Units notified',
  'ASSESS.proposal': 'Proposed handling (whether to respond, and how far)',
  'BRIEF_LEADERS.content': 'Content of the brief',
  'CARRY_OUT.obligation':
    'Instruction carried out (its obligation, such as instruction#2); empty: the earliest not yet carried out',
  'CARRY_OUT.result': 'How it was carried out',
  'CLASSIFY.reason': 'Grounds for the grade',
  'COMMENTARY.outlet': 'Platform',
  'COORDINATE_TRACKING.note': 'Coordination and tracking',
  'DECIDE.answer': 'Yes or no',
  'DECIDE_MEASURES.measures': 'Measures decided',
  'EXTEND.explanation': 'Why the time is extended',
  'GUIDE.note': 'How the comments were guided',
  'HEAR_CAC_OPINION.opinion': 'Opinion of the city cyberspace office',
  'HOLD_ACCOUNTABLE.measures': 'Accountability (handling proposed)',
  'HOLD_ACCOUNTABLE.persons': 'Persons responsible and their handling',
  'HOLD_MEETING.plan': 'Response plan',
  'ANSWER_PLAN.plan': 'Reply plan',
  'INSTRUCT.content': 'Instruction',
  'INVITE_TO_REVIEW.persons': 'People invited',
  'KEEP_EVIDENCE.kind': 'Medium',
  'LEGAL_OPINION.opinion': 'Legal opinion (characterisation, legal basis)',
  'LIAISE.departments': 'Departments contacted',
  'MARK_MASS_INCIDENT.description': 'The mass incident',
  'NOTIFY_AUTHORITIES.to': 'Notified',
  'PROPOSE.category': 'Characterisation (category)',
  'PROPOSE.proposal': 'Proposed response',
  'RECTIFY.measures': 'Rectification measures',
  'REPORT.channel': 'How it is reported',
  'REPORT.proposal': 'Report and proposed handling',
  'REPORT.summary': 'Facts (true and objective)',
  'RESOLVE_DEMAND.explanation': 'How it was resolved, or why it cannot be',
  'REVIEW.summary': 'Summary and assessment',
  'SUMMARISE.summary': 'Summary and assessment',
  'SUBMIT_SPECIAL_REPORT.content': 'Content of the special report',
  'SUMMARISE.improvements': 'Improvements proposed',
}

/** Each choice of a field in English (`field.code`); a grade, category, answer or purpose is named elsewhere. */
export const CHOICE_WORDS_EN = {
  'to.group': 'Leading group',
  'to.cityPartyOffice': 'City Party committee office',
  'to.cityGovOffice': 'City government office',
  'to.cityCac': 'City Party cyberspace office',
  'to.cityLeader': 'City government leader in charge',
  'to.cityLeadership': 'City Party committee and government',
  'to.cac': 'City cyberspace office',
  'to.departments': 'Other departments concerned',
  'to.propaganda': 'Publicity department',
  'to.police': 'Police',
  'to.leader': 'Leader in charge',
  'to.principal': 'Principal leader',
  'to.office': 'Office',
  'to.newsLeader': 'Leader in charge of news and publicity',
  'to.higher': 'Higher authorities',
  'to.units': 'Units and departments concerned',
  'subject.facts': 'Facts of the incident',
  'subject.handling': 'How the emergency is handled',
  'channel.online': 'Online, where it arose',
  'channel.pressRelease': 'Press release',
  'channel.emergencyMessage': 'Mass emergency message',
  'channel.officialAccount': 'Official WeChat and Weibo accounts',
  'channel.pressConference': 'Press conference',
  'channel.bulletin': 'Opinion bulletin',
  'channel.phone': 'Phone',
  'channel.written': 'In writing',
  'channel.followPost': 'Reply in the thread',
  'channel.expertInterview': 'Expert interview',
  'channel.commentary': 'Online commentary',
  'channel.mediaInterview': 'Interview with journalists',
  'kind.harmful': 'Harmful political information',
  'kind.false': 'Found untrue',
  'kind.disruptive': 'Disturbs economic and social order',
  'kind.newspaper': 'Newspaper',
  'kind.tv': 'Television',
  'kind.radio': 'Radio',
  'kind.webpage': 'Web page',
  'kind.other': 'Other',
  'part.office': 'Office: circulates guidance, coordinates comments online',
  'part.unit': 'Units concerned: propose the line, organise comments online',
}

/** A plan's own English name for a choice its Chinese names otherwise than the others. */
export const PLAN_CHOICE_WORDS_EN = {
  'hrss-city': { 'to.group': 'Bureau’s leading group' },
  'nanchong-npc-2022': { 'to.group': 'Online opinion emergency management group' },
  'nanning-aic-2017': {
    'to.office': 'Bureau office',
    'to.newsLeader': 'Bureau leader in charge of news and publicity',
  },
  'neixiang-2017': { 'to.group': 'County leading group', 'to.principal': 'Principal leaders of the county' },
  'saws-2014': {
    'to.office': 'Personnel Department (publicity office)',
    'to.principal': 'Administration’s principal leader',
    'to.leader': 'Administration’s leader in charge',
  },
}

/** What a plan says of a choice besides its name (the Chinese form's hint: 仅县委办、县政府办), in English. */
export const PLAN_CHOICE_NOTES_EN = {
  'neixiang-2017': {
    'to.higher':
      'Higher authorities: only the county Party committee office and the county government office',
    'to.units': 'Units and departments concerned: only the leading group, telling of progress',
  },
  'nanchong-npc-2022': {
    'to.propaganda':
      'Publicity department, police, other departments: told how the emergency is handled only',
  },
}

/** Field `name` of event `type` in English; undefined if no table names it. */
export const fieldWordEn = (type, name) => FIELD_WORDS_EN[`${type}.${name}`] ?? FIELD_WORDS_EN[name]

/** Choice `code` of field `field` of plan `planId` in English; undefined if no table names it. */
export const choiceWordEn = (planId, field, code) =>
  PLAN_CHOICE_WORDS_EN[planId]?.[`${field}.${code}`] ?? CHOICE_WORDS_EN[`${field}.${code}`]

/** The English notes on the choices `codes` of field `field` of plan `planId` (none: []). */
export const choiceNotesEn = (planId, field, codes) =>
  codes.map((code) => PLAN_CHOICE_NOTES_EN[planId]?.[`${field}.${code}`]).filter(Boolean)
