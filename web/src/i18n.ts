// The interface language follows the URL (`?lang=en`) and is passed to the API's `lang` arguments; the
// API falls back to Vietnamese where the articles give no English form, and the pages say so.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';

export type Lang = 'VI' | 'EN';

export const LangContext = createContext<Lang>('VI');
export const useLang = () => useContext(LangContext);

const STRINGS = {
  search: ['Tìm kiếm', 'Search'],
  timeline: ['Dòng thời gian', 'Timeline'],
  connections: ['Kết nối', 'Connections'],
  conflicts: ['Mâu thuẫn nguồn', 'Conflicts'],
  searchLabel: [
    'Tìm người, sự kiện, bài báo… (không dấu cũng được)',
    'Search people, events, articles… (diacritics optional)',
  ],
  allTypes: ['Tất cả', 'All types'],
  noResults: ['Không có kết quả cho', 'No results for'],
  resultsFor: ['kết quả cho', 'results for'],
  loadMore: ['Tải thêm', 'Load more'],
  loading: ['Đang tải…', 'Loading…'],
  aliases: ['Tên khác', 'Also known as'],
  roles: ['Chức vụ', 'Roles'],
  quotes: ['Phát biểu', 'Quotes'],
  peopleMet: ['Gặp tại sự kiện', 'People met at events'],
  articles: ['Bài báo', 'Articles'],
  events: ['Sự kiện', 'Events'],
  participants: ['Người tham dự', 'Participants'],
  reportedIn: ['Được đưa tin trong', 'Reported in'],
  documents: ['Văn bản liên quan', 'Related documents'],
  online: ['Trực tuyến', 'Online'],
  place: ['Địa điểm', 'Place'],
  date: ['Ngày', 'Date'],
  inferredYear: ['năm suy từ ngày đăng bài', 'year inferred from the publication date'],
  source: ['nguồn', 'source'],
  openInArticle: ['xem trong bài', 'show in article'],
  facts: ['Dữ kiện trong bài', 'Facts in this article'],
  chrome: [
    'Phần khung trang (menu, chân trang): không phải nội dung bài',
    'Page chrome (menus, footer): not article content',
  ],
  notFound: ['Không tìm thấy', 'Not found'],
  viOnly: ['chỉ có tiếng Việt', 'Vietnamese only'],
  everything: ['Tất cả', 'Everything'],
  subject: ['Chủ thể (slug)', 'Subject (slug)'],
  from: ['Từ', 'From'],
  to: ['Đến', 'To'],
  findPath: ['Tìm đường nối', 'Find path'],
  noPath: ['Không có đường nối giữa hai người này', 'No path links these two'],
  neighbourhood: ['Những người gặp', 'Neighbourhood'],
  via: ['qua', 'via'],
  evidence: ['Bằng chứng', 'Evidence'],
  nothing: ['Không có gì để hiển thị.', 'Nothing to show.'],
  related: ['Bài liên quan', 'Related articles'],
  publisher: ['Nguồn đăng', 'Publisher'],
  published: ['Ngày đăng', 'Published'],
  showTimeline: ['Xem dòng thời gian', 'Show timeline'],
  showConnections: ['Xem kết nối', 'Show connections'],
  claim: ['Khẳng định', 'Claim'],
  error: ['Lỗi', 'Error'],
  requestId: ['mã yêu cầu', 'request id'],
  home: ['Trang chủ', 'Home'],
  language: ['English', 'Tiếng Việt'],
} as const satisfies Record<string, readonly [string, string]>;

export type StringKey = keyof typeof STRINGS;

export function t(lang: Lang, key: StringKey): string {
  return STRINGS[key][lang === 'EN' ? 1 : 0];
}

const pad = (s: string) => s.padStart(2, '0');

/** A date as precise as the source gives it: `23/01/2024`, `01/2024` or `2024`, never a made-up 1 January. */
export function formatDate(date: string | null | undefined, precision?: string | null): string {
  if (!date) return '—';
  const [y = '', m = '', d = ''] = date.split('-');
  if (precision === 'YEAR') return y;
  if (precision === 'MONTH') return `${pad(m)}/${y}`;
  return `${pad(d)}/${pad(m)}/${y}`;
}
