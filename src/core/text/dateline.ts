// When an article was published, from the date it prints near its top: "Tuesday, July 2, 2013",
// "Tue Jul 02 2013, 14:58 hrs", "July 03, 2013 6:22AM", "WEDNESDAY 03 JULY 2013", "2013-07-02".
// It orders two reports of a developing figure (a rising toll): the later one is an update, not
// a contradiction. Only the first lines are read: a date further down is the story's, not the
// article's.

/** Characters from the top of an article in which its own date is looked for. */
const HEAD_CHARS = 600;

const MONTHS: Readonly<Record<string, number>> = {
  jan: 0, january: 0, feb: 1, february: 1, mar: 2, march: 2, apr: 3, april: 3, may: 4, jun: 5, june: 5,
  jul: 6, july: 6, aug: 7, august: 7, sep: 8, sept: 8, september: 8, oct: 9, october: 9, nov: 10, november: 10,
  dec: 11, december: 11,
};
const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
/** "July 2, 2013", "Jul 02 2013": month, day, year. */
const MONTH_DAY_YEAR = new RegExp(`\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'i');
/** "2 Jul 2013", "03 JULY 2013": day, month, year. */
const DAY_MONTH_YEAR = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH},?\\s+(\\d{4})\\b`, 'i');
const ISO = /\b(\d{4})-(\d{2})-(\d{2})\b/;
/** A time of day right after the date: "14:58", "6:22AM", "7:41 AM". */
const TIME = /^[,\s]*(\d{1,2}):(\d{2})\s*(am|pm)?/i;

/** The article's date and time as milliseconds since 1970 (UTC, the time zone unknown), or null. */
export function reportedAt(text: string): number | null {
  const head = text.slice(0, HEAD_CHARS);
  const found = [dateOf(head, MONTH_DAY_YEAR, 1, 2, 3), dateOf(head, DAY_MONTH_YEAR, 2, 1, 3), isoDate(head)].filter((d) => d !== null);
  if (found.length === 0) return null;
  const first = found.reduce((a, b) => (a.index <= b.index ? a : b));
  const time = TIME.exec(head.slice(first.end));
  let hours = 0;
  let minutes = 0;
  if (time !== null) {
    const h = Number(time[1]);
    const suffix = time[3]?.toLowerCase();
    hours = suffix === undefined ? h : (h % 12) + (suffix === 'pm' ? 12 : 0);
    minutes = Number(time[2]);
  }
  return Date.UTC(first.year, first.month, first.day, hours, minutes);
}

interface Found {
  index: number;
  end: number;
  year: number;
  month: number;
  day: number;
}

function dateOf(head: string, re: RegExp, monthAt: number, dayAt: number, yearAt: number): Found | null {
  const m = re.exec(head);
  if (m === null) return null;
  const month = MONTHS[m[monthAt].toLowerCase().replace(/\.$/, '')];
  const day = Number(m[dayAt]);
  if (month === undefined || day < 1 || day > 31) return null;
  return { index: m.index, end: m.index + m[0].length, year: Number(m[yearAt]), month, day };
}

function isoDate(head: string): Found | null {
  const m = ISO.exec(head);
  if (m === null) return null;
  const month = Number(m[2]) - 1;
  const day = Number(m[3]);
  if (month < 0 || month > 11 || day < 1 || day > 31) return null;
  return { index: m.index, end: m.index + m[0].length, year: Number(m[1]), month, day };
}
