import { centreTimeZone } from '../controllers/i18n-controller.js';
import type { MessageKey } from './zh-CN.js';

/** 早上好 before noon, 下午好 until 18:00, 晚上好 after — in the centre's time zone. */
export function greetingKey(iso: string, timeZone: string = centreTimeZone.value): MessageKey {
  const hour = Number(
    new Intl.DateTimeFormat('en-GB', { hour: '2-digit', hour12: false, timeZone }).format(new Date(iso)),
  );
  if (hour < 12) return 'greeting.morning';
  if (hour < 18) return 'greeting.afternoon';
  return 'greeting.evening';
}
