import type { RehabSessionAttended } from '../../api-types.js';
import { occurrencesPresent } from '../../db/rehab.repo.js';
import type { DomainContext } from '../context.js';
import { DomainError } from '../errors.js';
import { localIso } from '../sessions/dates.js';
import { OccurrenceReader } from '../sessions/occurrences.js';

const REHABILITATION = 'rehabilitation';

/**
 * The rehabilitation sessions a member attended, read from the sessions part's attendance marks
 * (read-only). An occurrence counts when the member's latest mark there is `present` and the series
 * version in force on that date is of kind `rehabilitation`.
 */
export class RehabSessionsAttended {
  private readonly reader: OccurrenceReader;

  constructor(private readonly ctx: DomainContext) {
    this.reader = new OccurrenceReader(ctx);
  }

  /** Newest first (by when it took place); `noteOf` gives the latest note id for an occurrence. */
  list(memberId: string, noteOf: (sessionId: string, date: string) => string | null): RehabSessionAttended[] {
    const tz = this.ctx.timeZone();
    const attended = occurrencesPresent(this.ctx.db, memberId).flatMap(({ sessionId, date }) => {
      const occurrence = this.reader.find(sessionId, date)?.occurrence;
      if (occurrence?.series.kind !== REHABILITATION) return [];
      return [{
        sessionId, date, title: occurrence.series.title,
        startsAt: localIso(occurrence.actualDate, occurrence.start, tz), endsAt: localIso(occurrence.actualDate, occurrence.end, tz),
        noteId: noteOf(sessionId, date),
      }];
    });
    return attended.sort((a, b) => b.startsAt.localeCompare(a.startsAt) || a.title.localeCompare(b.title, 'zh-CN'));
  }

  /** A note's session must be a real rehabilitation occurrence the member attended. */
  requireAttended(memberId: string, sessionId: string, date: string): void {
    const occurrence = this.reader.find(sessionId, date)?.occurrence;
    if (!occurrence) {
      throw new DomainError('invalid', 'unknown_occurrence', `Session ${sessionId} has no occurrence on ${date}`);
    }
    if (occurrence.series.kind !== REHABILITATION) {
      throw new DomainError('conflict', 'not_rehabilitation', `Session ${sessionId} on ${date} is not a rehabilitation session`);
    }
    const present = occurrencesPresent(this.ctx.db, memberId).some((o) => o.sessionId === sessionId && o.date === date);
    if (!present) {
      throw new DomainError('conflict', 'not_attended', `Member ${memberId} is not marked present at session ${sessionId} on ${date}`);
    }
  }
}
