/**
 * Every numbered item of the Neixiang text, in its own numbering and script, with a short
 * excerpt (at most 60 characters). `clauses` is what versions 2–6 cite (released: kept as they
 * were); `clausesV7` quotes 第二條4 and 第三條5 word for word from the text (the seed's
 * half-width commas written ，), where version 7 reads them (新聞宣傳工作服從現場處置工作,
 * 危害國家安全、損害我縣形象的事件; the 通報 to 有關單位和部門 it owes).
 */
import type { PlanClause } from '../kit/types.js'

export const clauses: readonly PlanClause[] = [
  {
    ref: '第一條',
    text: '總則：及時、準確發布有關信息，澄清事實，引導輿論，消除網絡媒體報道可能造成的負面影響',
  },
  { ref: '第二條', text: '工作原則' },
  {
    ref: '第二條1',
    text: '及時主動，準確把握：公安網監和信息公開辦第一時間作出反應，向縣委、政府主要領導報送準確信息',
  },
  { ref: '第二條2', text: '強化引導，注重效果：提高正確引導輿論的意識和工作水平' },
  {
    ref: '第二條3',
    text: '明確職責：縣委宣傳部統一協調；特別重大網絡輿情由縣委辦、縣政府辦組織協調并及時上報上級',
  },
  {
    ref: '第二條4',
    text: '突出導向，分類處理：涉及重大政治性、群體性事件的，由縣委宣傳部牽頭負責，形成準確報道',
  },
  { ref: '第三條', text: '組織機構：設立網絡輿情應急處置工作領導小組' },
  { ref: '第三條1', text: '及時落實主要領導關于網絡輿情的批示要求' },
  { ref: '第三條2', text: '對涉及內鄉的網絡輿情采取有效措施，協調和處理與媒體的相關事宜' },
  { ref: '第三條3', text: '根據需要確定網絡輿情突發事件應對新聞發言人' },
  {
    ref: '第三條4',
    text: '審定輿情處置預案，確定宣傳報道內容，安排新聞發布，接待、引導采訪事件的媒體記者',
  },
  {
    ref: '第三條5',
    text: '收集、跟蹤、分析、處置境內外輿情，及時向主要領導匯報情況，指導相關單位澄清事實，批駁謠言',
  },
  { ref: '第三條6', text: '向相關領導和部門及時上報輿情信息處理進展情況' },
  {
    ref: '第四條',
    text: '輿情預警：對發現的輿情，須第一時間向領導小組匯報，并提出輿情處置建議；報告的同時及時處理',
  },
  {
    ref: '第五條',
    text: '輿情引導：第一時間啟動響應機制；有重大影響的輿情以新聞發布會、通氣會等形式迅速反應',
  },
  {
    ref: '第六條',
    text: '輿情處置：早發現、早報告、早處置、早平息；及時了解輿情出處；組織主體單位和評論員反駁；負面影響增大時在主流媒體發布',
  },
  { ref: '第七條', text: '輿情應對' },
  { ref: '第七條1', text: '明確態度：應在第一時間表明態度，快講事實，慎講原因' },
  { ref: '第七條2', text: '提高速度：迅速與有關單位和媒體取得聯系，協助工作人員及時處理違法信息' },
  { ref: '第七條3', text: '把握尺度：及時拿出統一的解釋口徑；調查時間較長時考慮梯度發布信息' },
  { ref: '第七條4', text: '規范法度：消除負面報道危害時方法得當，密切關注媒體動態，防止事態反復' },
  { ref: '第七條5', text: '提高滿意度：力爭把重大輿情和網絡不良信息的影響降低到最低程度' },
  { ref: '第八條', text: '輿情協調：建立宣傳、公安、通信、信息公開等網絡輿情管理部門的溝通協調機制' },
  { ref: '第九條', text: '本辦法自印發之日起實施' },
]

/** Version 7's: verbatim excerpts of 第二條4 and 第三條5; the rest as `clauses`. */
const V7_EXCERPTS: Readonly<Record<string, string>> = {
  第二條4:
    '新聞宣傳工作服從現場處置工作。涉及重大政治性、群體性事件，危害國家安全、損害我縣形象的事件，由縣委宣傳部牽頭負責',
  第三條5:
    '及時向主要領導匯報情況，并向有關單位和部門通報輿情進展情況，采取相應措施，指導相關單位澄清事實，批駁謠言，引導輿論',
}
export const clausesV7: readonly PlanClause[] = clauses.map((c) => ({
  ref: c.ref,
  text: V7_EXCERPTS[c.ref] ?? c.text,
}))
