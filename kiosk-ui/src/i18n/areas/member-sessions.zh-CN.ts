/** zh-CN messages: Member screens for sessions: today for you, this week, sign-up and waiting list. Merged into the catalogue by `../zh-CN.ts`. */
export const memberSessionsZhCN = {
  // activity kinds: the same words as the upstream protocol's services
  'memberSessions.kind.day_care': '日间照料',
  'memberSessions.kind.assisted_employment': '辅助性就业',
  'memberSessions.kind.skills_training': '技能培训',
  'memberSessions.kind.rehabilitation': '康复训练',
  'memberSessions.kind.culture_sports': '文体活动',
  'memberSessions.kind.other': '其他活动',

  // a session's state, on cards and in the detail
  'memberSessions.signedUp': '已报名',
  'memberSessions.waiting': '排队中 第{position}位',
  'memberSessions.full': '已满',
  'memberSessions.placesLeft': '还有 {count} 个位置',
  'memberSessions.noLimit': '不限人数',
  'memberSessions.waitingCount': '{count} 人在排队',
  'memberSessions.closed': '已结束',
  'memberSessions.cancelled': '这次不上了',
  'memberSessions.moved': '时间改了',
  'memberSessions.open': '打开',

  // lists
  'memberSessions.todayHeading': '今天的活动',
  'memberSessions.todaySpoken': '今天的活动。有 {count} 个。',
  'memberSessions.todayNone': '今天没有活动',
  'memberSessions.week': '本周活动',
  'memberSessions.weekSpoken': '本周活动。{day}，有 {count} 个活动。',
  'memberSessions.dayNone': '这一天没有活动',
  'memberSessions.dayNoneSpoken': '{day}。这一天没有活动',
  'memberSessions.prevDay': '前一天',
  'memberSessions.nextDay': '后一天',
  'memberSessions.more': '更多活动 {page}/{pages}',
  'memberSessions.pageSpoken': '这是第 {page} 页，共 {pages} 页。',
  'memberSessions.cardSpoken': '{time}，{title}。',
  'memberSessions.cardSpokenWithState': '{time}，{title}，{state}。',
  'memberSessions.loading': '正在查看，请稍等',

  // the detail of one session
  'memberSessions.when': '时间',
  'memberSessions.where': '地点',
  'memberSessions.lead': '带领',
  'memberSessions.nobody': '还没定',
  'memberSessions.fullOffer': '已经满了。可以排队等候，有人不来就轮到你。',
  'memberSessions.detailSpoken': '{kind}：{title}。{when}，{where}。{state}',
  'memberSessions.detailSpokenNoRoom': '{kind}：{title}。{when}。{state}',
  'memberSessions.signUp': '报名',
  'memberSessions.joinWaitlist': '排队等候',
  'memberSessions.cancel': '取消报名',
  'memberSessions.leaveWaitlist': '不排队了',
  'memberSessions.back': '返回',
  'memberSessions.done': '完成',

  // after a choice: a few seconds to take it back
  'memberSessions.resultSignedUp': '报名成功',
  'memberSessions.resultWaiting': '已排队，第{position}位',
  'memberSessions.resultCancelled': '已取消报名',
  'memberSessions.resultLeftWaitlist': '已经不排队了',
  'memberSessions.resultSpoken': '{title}，{result}。要撤销，请按撤销。',
  'memberSessions.undo': '撤销',
  'memberSessions.ok': '好的',
  'memberSessions.countdown': '{seconds} 秒后回到活动',
  'memberSessions.undone': '好的，已经撤销了。',

  // what went wrong, and what to do next
  'memberSessions.nowFull': '刚刚满了。可以排队等候。',
  'memberSessions.nowCancelled': '这次活动取消了。',
  'memberSessions.nowEnded': '这次活动已经结束了。',
  'memberSessions.expired': '请再放一次手指或刷卡',
  'memberSessions.network': '没有连上，请再按一次，或呼叫工作人员',
  'memberSessions.retry': '再试一次',
  'memberSessions.failed': '没有办成，请呼叫工作人员',
} as const;
