// Generic lexicons of Vietnamese (and some English) news text. Nothing here names a person, an
// organization or an article: only word classes (titles, heads of names, verbs, date words).

/** Common Vietnamese family names (the first syllable of most Vietnamese names). */
export const VI_SURNAMES = new Set(
  'Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Lưu Đinh Trương Đào Đoàn Tạ Cao Lâm Hà Kiều Chu Tô Thái Quách Tăng Lương Triệu Mạc Khúc Phùng Vương Từ Tôn Thân Lại Lò Mai Nghiêm Trịnh Châu Diệp Hứa Khổng Lục Nông Thạch Thiều Tiêu Trình Ung Viên Cù Doãn Đàm Đồng Hầu Kha Khương Lã Lạc Lăng Lều Mẫn Ninh Phí Sầm Tiết Tống Tôn Vòng Yên'.split(
    ' ',
  ),
);

/** Common Korean family names in their usual romanizations. */
export const KO_SURNAMES = new Set(
  'Kim Lee Yi Rhee Park Pak Bak Choi Choe Jung Jeong Chung Kang Cho Jo Yoon Yun Jang Chang Lim Im Han Oh Seo Suh Shin Sin Kwon Hwang Ahn An Song Yoo Yu Ryu Hong Jeon Jun Chun Ko Koh Go Moon Mun Yang Son Sohn Bae Baek Paik Heo Huh Nam Noh Roh Ha Kwak Sung Seong Cha Joo Ju Woo Min Na Jin Ji Um Eom Chae Won Bang Gong Hyun Ham Byun Yeom Yeo Choo Do Seok Seon Ma Gil Yeon Pyo Myung Ki Ban Wang Geum Ok Yook In Maeng Je Mo Tak Kook Eun Yong'.split(
    ' ',
  ),
);

/** Words before a name that are kept as honorifics (lower-cased when they are pronouns). */
export const HONORIFICS = [
  'đồng chí',
  'ông',
  'bà',
  'ngài',
  'anh',
  'chị',
  'PGS.TS.',
  'PGS.TS',
  'GS.TS.',
  'GS.TS',
  'GS.',
  'PGS.',
  'TS.',
  'ThS.',
  'KTS.',
  'KTS',
  'TS',
  'ThS',
  'Mr.',
  'Ms.',
  'Mrs.',
  'Dr.',
  'Prof.',
  'Architect',
];
export const PRONOUN_HONORIFICS = new Set(['đồng chí', 'ông', 'bà', 'ngài', 'anh', 'chị']);

/** Position titles, longest first (a title may be preceded by Phó / Tổng / Thứ …). */
export const TITLES = [
  'Phó Chủ tịch Thường trực',
  'Phó Chủ tịch',
  'Chủ tịch',
  'Phó Thủ tướng',
  'Thủ tướng',
  'Bộ trưởng',
  'Thứ trưởng',
  'Tổng Giám đốc',
  'Phó Tổng Giám đốc',
  'Phó Giám đốc',
  'Giám đốc',
  'Phó Viện trưởng',
  'Viện trưởng',
  'Phó Vụ trưởng',
  'Vụ trưởng',
  'Phó Cục trưởng',
  'Cục trưởng',
  'Phó Tổng cục trưởng',
  'Tổng cục trưởng',
  'Đại sứ',
  'Tổng Lãnh sự',
  'Lãnh sự',
  'Tham tán',
  'Bí thư',
  'Phó Bí thư',
  'Thị trưởng',
  'Phó Thị trưởng',
  'Trưởng ban',
  'Phó Trưởng ban',
  'Hiệu trưởng',
  'Phó Hiệu trưởng',
  'Chánh Văn phòng',
  'Trưởng phòng',
  'Phó Trưởng phòng',
  'Chủ nhiệm',
  'Tổng Thư ký',
  'Tổng biên tập',
  'Thống đốc',
  'Tỉnh trưởng',
  'Trưởng đoàn',
  'Minister',
  'Deputy Minister',
  'Vice Minister',
  'Ambassador',
  'Mayor',
  'Governor',
  'President',
  'Vice President',
  'Chairman',
  'Deputy Director',
  'Director General',
  'Director',
  'CEO',
].sort((a, b) => b.length - a.length);

/** Heads that start an organization's name, longest first. */
export const ORG_HEADS: Array<[string, string]> = (
  [
    ['Ủy ban nhân dân', 'PROVINCIAL_GOVERNMENT'],
    ['UBND', 'PROVINCIAL_GOVERNMENT'],
    ['HĐND', 'PROVINCIAL_GOVERNMENT'],
    ['Bộ', 'MINISTRY'],
    ['Sở', 'DEPARTMENT'],
    ['Cục', 'DEPARTMENT'],
    ['Vụ', 'DEPARTMENT'],
    ['Tổng cục', 'DEPARTMENT'],
    ['Viện', 'RESEARCH_INSTITUTE'],
    ['Học viện', 'ACADEMY'],
    ['Trường Đại học', 'UNIVERSITY'],
    ['Đại học', 'UNIVERSITY'],
    ['Tập đoàn', 'STATE_CORPORATION'],
    ['Tổng công ty', 'COMPANY'],
    ['Công ty', 'COMPANY'],
    ['Hiệp hội', 'ASSOCIATION'],
    ['Hội', 'ASSOCIATION'],
    ['Đại sứ quán', 'EMBASSY'],
    ['Tổng Lãnh sự quán', 'EMBASSY'],
    ['Chính phủ', 'GOVERNMENT'],
    ['Chính quyền', 'CITY_GOVERNMENT'],
    ['Ban Quản lý', 'PROJECT_OFFICE'],
    ['Ban', 'PARTY_BODY'],
    ['Cơ quan', 'AGENCY'],
    ['Trung tâm', 'OTHER'],
    ['Tạp chí', 'MEDIA'],
    ['Báo', 'MEDIA'],
    ['Đài', 'MEDIA'],
    ['Ngân hàng', 'COMPANY'],
    ['Quỹ', 'OTHER'],
    ['Đảng', 'PARTY_BODY'],
    ['Thành ủy', 'PARTY_BODY'],
    ['Tỉnh ủy', 'PARTY_BODY'],
    ['Quốc hội', 'OTHER'],
    ['Mặt trận', 'OTHER'],
    ['Ministry', 'MINISTRY'],
    ['Embassy', 'EMBASSY'],
    ['Institute', 'RESEARCH_INSTITUTE'],
    ['Academy', 'ACADEMY'],
    ['University', 'UNIVERSITY'],
    ['Corporation', 'STATE_CORPORATION'],
  ] as Array<[string, string]>
).sort((a, b) => b[0].length - a[0].length);

/** Country names (Vietnamese and English) with their ISO code. */
export const COUNTRIES: Record<string, string> = {
  'Việt Nam': 'VN',
  'Hàn Quốc': 'KR',
  'Nhật Bản': 'JP',
  'Trung Quốc': 'CN',
  'Hoa Kỳ': 'US',
  Mỹ: 'US',
  Singapore: 'SG',
  'Thái Lan': 'TH',
  Lào: 'LA',
  Campuchia: 'KH',
  Pháp: 'FR',
  Đức: 'DE',
  Anh: 'GB',
  Úc: 'AU',
  'Ấn Độ': 'IN',
  Vietnam: 'VN',
  Korea: 'KR',
  'South Korea': 'KR',
  Japan: 'JP',
  China: 'CN',
};

/** Vietnamese provinces and centrally-run cities (names only). */
export const VI_PROVINCES = new Set(
  'Hà Nội|Hồ Chí Minh|Hải Phòng|Đà Nẵng|Cần Thơ|Thừa Thiên Huế|Huế|An Giang|Bà Rịa - Vũng Tàu|Bắc Giang|Bắc Kạn|Bạc Liêu|Bắc Ninh|Bến Tre|Bình Định|Bình Dương|Bình Phước|Bình Thuận|Cà Mau|Cao Bằng|Đắk Lắk|Đắk Nông|Điện Biên|Đồng Nai|Đồng Tháp|Gia Lai|Hà Giang|Hà Nam|Hà Tĩnh|Hải Dương|Hậu Giang|Hòa Bình|Hưng Yên|Khánh Hòa|Kiên Giang|Kon Tum|Lai Châu|Lâm Đồng|Lạng Sơn|Lào Cai|Long An|Nam Định|Nghệ An|Ninh Bình|Ninh Thuận|Phú Thọ|Phú Yên|Quảng Bình|Quảng Nam|Quảng Ngãi|Quảng Ninh|Quảng Trị|Sóc Trăng|Sơn La|Tây Ninh|Thái Bình|Thái Nguyên|Thanh Hóa|Tiền Giang|Trà Vinh|Tuyên Quang|Vĩnh Long|Vĩnh Phúc|Yên Bái'.split(
    '|',
  ),
);
export const KO_CITIES = new Set('Seoul|Busan|Incheon|Daegu|Daejeon|Gwangju|Ulsan|Sejong|Suwon|Jeju'.split('|'));

/** Communication verbs: what follows is what the person said. */
export const SPEECH_VERBS = [
  'cho biết',
  'nhấn mạnh',
  'khẳng định',
  'chia sẻ',
  'bày tỏ',
  'đề nghị',
  'nêu rõ',
  'nêu',
  'nói',
  'phát biểu',
  'đồng quan điểm',
  'cho rằng',
  'nhận định',
  'lưu ý',
  'đề xuất',
  'kiến nghị',
  'yêu cầu',
  'said',
  'noted',
  'stressed',
  'emphasized',
  'emphasised',
  'affirmed',
  'added',
  'stated',
].sort((a, b) => b.length - a.length);
/** Attitude verbs that carry content themselves (kept inside the quote span). */
export const ATTITUDE_VERBS = ['đánh giá cao', 'hy vọng', 'hi vọng', 'mong muốn', 'tin tưởng', 'cảm ơn', 'ấn tượng'];
/** Verbs that report an act, not content: no quote. */
export const ACT_VERBS = ['giới thiệu', 'khai mạc', 'phát biểu tại', 'phát biểu trong', 'chủ trì', 'dự'];

export const EVENT_TRIGGERS: Array<[RegExp, string]> = [
  [/lễ ký kết|lễ ký|ký kết/iu, 'SIGNING'],
  [/hội nghị/iu, 'CONFERENCE'],
  [/hội thảo/iu, 'WORKSHOP'],
  [/diễn đàn/iu, 'FORUM'],
  [/buổi làm việc|cuộc họp|hội đàm|buổi tiếp|cuộc gặp/iu, 'MEETING'],
  [/chương trình học tập|đoàn công tác|khảo sát|chuyến thăm|học tập kinh nghiệm/iu, 'STUDY_TOUR'],
  [/khóa đào tạo|lớp tập huấn|tập huấn|khóa học/iu, 'TRAINING'],
  [/triển lãm/iu, 'EXHIBITION'],
  [/lễ khởi công|lễ khánh thành|lễ ra mắt|lễ công bố|lễ trao|lễ kỷ niệm/iu, 'CEREMONY'],
  [/conference|workshop|forum|signing ceremony|meeting/iu, 'OTHER'],
];

export const DOC_HEADS: Array<[RegExp, string]> = [
  [/^(?:Quyết định|Decision)/iu, 'DECISION'],
  [/^(?:Nghị quyết|Resolution)/iu, 'RESOLUTION'],
  [/^(?:Đề án|Project)/iu, 'SCHEME'],
  [/^(?:Văn kiện)/iu, 'PARTY_DOCUMENT'],
  [/^(?:Biên bản ghi nhớ|bản ghi nhớ|MOU|Memorandum)/iu, 'MEMORANDUM'],
  [/^(?:Chương trình)/iu, 'PROGRAMME'],
  [/^(?:Chiến lược|Strategy)/iu, 'STRATEGY'],
  [/^(?:Hướng dẫn|Khung)/iu, 'GUIDELINE'],
  [/^(?:Kế hoạch|Plan)/iu, 'PLAN'],
  [/^(?:Luật|Law)/iu, 'LAW'],
  [/^(?:Nghị định|Thông tư|Chỉ thị|Công văn|Thông báo)/iu, 'OTHER'],
];

/** Lines that end the article (lists of other articles, comment boxes …). */
export const CHROME_STOP =
  /^(?:Tin đọc nhiều|Đọc nhiều|Cùng chuyên mục|Tin cùng chuyên mục|Tin liên quan|Tin có liên quan|Bài viết cũ hơn|Bài viết liên quan|Tin khác|Xem thêm|Vui lòng nhập|Bình luận|Ý kiến bạn đọc|Related|Most read|Read more|More news|Comments?)(?!\p{L})/iu;
/** Lines of page chrome anywhere (navigation, counters, share prompts). */
export const CHROME_LINE =
  /^(?:Hotline|Trang chủ|Home)(?!\p{L})|Lượt xem:?\s*\d|Chia sẻ:\s*\d|(?<!\p{L})RSS(?!\p{L})|24h qua|^Theo$|^Loading|^Tags?:|^Từ khóa|^Share(?!\p{L})|^[^\p{L}\p{N}]*$|views?:?\s*\d/iu;

export const PART_OF_DAY: Record<string, string> = {
  sáng: 'MORNING',
  trưa: 'AFTERNOON',
  chiều: 'AFTERNOON',
  tối: 'EVENING',
  đêm: 'EVENING',
};
