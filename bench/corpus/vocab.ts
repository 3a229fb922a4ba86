// Vocabulary for the synthetic corpus. Filler prose comes from a word-bigram model trained on the
// curated seed articles' content, so the full-text index sees the words (and word frequencies) of real
// Vietnamese news; names are built from common Vietnamese and Korean name parts and place names.
import type { Plan, Row } from '../../src/seed/plan';
import type { Rng } from './random';

export const VN_FAMILY = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Huỳnh',
  'Phan',
  'Vũ',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
  'Lý',
  'Đinh',
  'Trịnh',
  'Lương',
  'Tạ',
];
export const VN_MIDDLE = [
  'Văn',
  'Thị',
  'Đức',
  'Minh',
  'Ngọc',
  'Quang',
  'Thanh',
  'Hữu',
  'Xuân',
  'Hồng',
  'Công',
  'Mạnh',
  'Thu',
  'Anh',
  'Quốc',
  'Tuấn',
  'Hoài',
  'Kim',
  'Bảo',
  'Gia',
];
export const VN_GIVEN = [
  'An',
  'Anh',
  'Bình',
  'Chính',
  'Cường',
  'Dũng',
  'Đạt',
  'Giang',
  'Hà',
  'Hải',
  'Hạnh',
  'Hiếu',
  'Hòa',
  'Hùng',
  'Hương',
  'Huy',
  'Khánh',
  'Khoa',
  'Lan',
  'Linh',
  'Long',
  'Mai',
  'Minh',
  'Nam',
  'Nga',
  'Ngân',
  'Phong',
  'Phúc',
  'Phương',
  'Quân',
  'Quyền',
  'Sơn',
  'Tâm',
  'Thắng',
  'Thảo',
  'Thủy',
  'Tiến',
  'Trang',
  'Trung',
  'Tú',
  'Tùng',
  'Vân',
  'Việt',
  'Vinh',
  'Yến',
];
export const KR_FAMILY = ['Kim', 'Lee', 'Park', 'Choi', 'Jung', 'Kang', 'Cho', 'Yoon', 'Jang', 'Lim', 'Han', 'Shin'];
export const KR_SYLLABLE = [
  'Min',
  'Jun',
  'Seo',
  'Hyun',
  'Woo',
  'Ji',
  'Young',
  'Sung',
  'Ho',
  'Jae',
  'Soo',
  'Hee',
  'Dong',
  'Jin',
  'Kyung',
  'Tae',
  'Eun',
  'Hoon',
  'Yeon',
  'Chul',
];

export const VN_PROVINCES = [
  'An Giang',
  'Bà Rịa - Vũng Tàu',
  'Bắc Giang',
  'Bắc Kạn',
  'Bạc Liêu',
  'Bắc Ninh',
  'Bến Tre',
  'Bình Định',
  'Bình Dương',
  'Bình Phước',
  'Bình Thuận',
  'Cà Mau',
  'Cần Thơ',
  'Cao Bằng',
  'Đà Nẵng',
  'Đắk Lắk',
  'Đắk Nông',
  'Điện Biên',
  'Đồng Nai',
  'Đồng Tháp',
  'Gia Lai',
  'Hà Giang',
  'Hà Nam',
  'Hà Tĩnh',
  'Hải Dương',
  'Hải Phòng',
  'Hậu Giang',
  'Hòa Bình',
  'Hưng Yên',
  'Khánh Hòa',
  'Kiên Giang',
  'Kon Tum',
  'Lai Châu',
  'Lâm Đồng',
  'Lạng Sơn',
  'Lào Cai',
  'Long An',
  'Nam Định',
  'Nghệ An',
  'Ninh Bình',
  'Ninh Thuận',
  'Phú Thọ',
  'Phú Yên',
  'Quảng Bình',
  'Quảng Nam',
  'Quảng Ngãi',
  'Quảng Ninh',
  'Quảng Trị',
  'Sóc Trăng',
  'Sơn La',
  'Tây Ninh',
  'Thái Bình',
  'Thái Nguyên',
  'Thanh Hóa',
  'Tiền Giang',
  'Thành phố Hồ Chí Minh',
  'Trà Vinh',
  'Tuyên Quang',
  'Vĩnh Long',
  'Vĩnh Phúc',
  'Yên Bái',
];
export const KR_CITIES = ['Busan', 'Incheon', 'Daegu', 'Daejeon', 'Gwangju', 'Ulsan', 'Sejong', 'Suwon', 'Changwon'];

export const TOPICS = [
  'phát triển đô thị thông minh',
  'chuyển đổi số trong quản lý đô thị',
  'quy hoạch đô thị bền vững',
  'giao thông thông minh',
  'hạ tầng số và dữ liệu đô thị',
  'nhà ở xã hội',
  'đô thị tăng trưởng xanh',
  'ứng phó biến đổi khí hậu',
  'công nghệ xây dựng tiên tiến',
  'quản lý chất thải rắn',
  'cấp thoát nước đô thị',
  'chiếu sáng công cộng thông minh',
  'mô hình thông tin công trình BIM',
  'cải tạo chung cư cũ',
  'phát triển vùng',
  'chính quyền số',
  'đào tạo nguồn nhân lực',
  'hợp tác Việt Nam - Hàn Quốc',
  'bản đồ số và hệ thống GIS',
  'tiết kiệm năng lượng trong công trình',
];

export const ORG_FIELDS = [
  'Xây dựng',
  'Quy hoạch - Kiến trúc',
  'Giao thông vận tải',
  'Tài nguyên và Môi trường',
  'Thông tin và Truyền thông',
  'Kế hoạch và Đầu tư',
  'Khoa học và Công nghệ',
  'Tài chính',
];
export const COMPANY_WORDS = [
  'Hạ tầng',
  'Đô thị',
  'Công nghệ',
  'Xây dựng',
  'Năng lượng',
  'Môi trường',
  'Viễn thông',
  'Địa ốc',
  'Kỹ thuật',
  'Tư vấn',
];
export const COMPANY_NAMES = [
  'Sông Đà',
  'Hòa Bình',
  'Thăng Long',
  'Phương Nam',
  'Việt Hàn',
  'Sao Mai',
  'Hồng Hà',
  'Trường Sơn',
  'Đại Việt',
  'Ánh Dương',
  'Bình Minh',
  'Hải Âu',
];
export const KR_COMPANIES = [
  'Samsung C&T',
  'Hyundai E&C',
  'Daewoo E&C',
  'GS E&C',
  'Posco E&C',
  'Lotte E&C',
  'SK ecoplant',
];

export const TITLES = [
  'Bộ trưởng',
  'Thứ trưởng',
  'Giám đốc',
  'Phó Giám đốc',
  'Chủ tịch',
  'Phó Chủ tịch',
  'Viện trưởng',
  'Tổng Giám đốc',
  'Trưởng phòng',
  'Cục trưởng',
  'Vụ trưởng',
  'Hiệu trưởng',
  'Chuyên gia',
  'Trưởng ban',
];
export const HONORIFICS_M = ['ông', 'TS.', 'PGS.TS'];
export const HONORIFICS_F = ['bà', 'TS.', 'ThS.'];

export const EVENT_KINDS = [
  { kind: 'CONFERENCE', word: 'Hội nghị' },
  { kind: 'WORKSHOP', word: 'Hội thảo' },
  { kind: 'FORUM', word: 'Diễn đàn' },
  { kind: 'MEETING', word: 'Buổi làm việc về' },
  { kind: 'SIGNING', word: 'Lễ ký kết biên bản ghi nhớ hợp tác về' },
  { kind: 'CEREMONY', word: 'Lễ khởi động chương trình' },
  { kind: 'TRAINING', word: 'Khóa đào tạo' },
  { kind: 'EXHIBITION', word: 'Triển lãm' },
  { kind: 'STUDY_TOUR', word: 'Chuyến khảo sát' },
] as const;

export const PARTICIPANT_PERSON_ROLES = ['SPEAKER', 'CHAIR', 'ATTENDEE', 'SIGNATORY'] as const;
export const PARTICIPANT_ORG_ROLES = ['ORGANIZER', 'HOST', 'PARTY', 'PARTNER', 'ATTENDEE'] as const;

export const SAY_DIRECT = ['nhấn mạnh', 'cho biết', 'khẳng định', 'chia sẻ', 'phát biểu'];
export const SAY_INDIRECT = ['cho biết', 'nhận định', 'đánh giá', 'đề nghị'];

/** Everything the generator takes from the curated seed. */
export interface SeedVocabulary {
  plan: Plan;
  /** Entity slugs by how often the seed names them, most first (the seed's own hubs lead the Zipf ranks). */
  rank: Record<'people' | 'organizations' | 'places' | 'documents' | 'projects', string[]>;
  /** People who only write bylines in the seed. */
  authors: Set<string>;
  markov: Markov;
}

export function seedVocabulary(plan: Plan): SeedVocabulary {
  const t = plan.tables;
  const count = (col: string) => {
    const n = new Map<number, number>();
    for (const m of t.mentions ?? []) {
      const id = m[col];
      if (typeof id === 'number') n.set(id, (n.get(id) ?? 0) + 1);
    }
    return n;
  };
  const ranked = (table: string, col: string) => {
    const n = count(col);
    return [...(t[table] ?? [])]
      .sort((a, b) => (n.get(b.id as number) ?? 0) - (n.get(a.id as number) ?? 0) || Number(a.id) - Number(b.id))
      .map((r) => String(r.slug));
  };
  const quoted = new Set((t.quotes ?? []).map((q) => q.speaker_id));
  const roled = new Set((t.roles ?? []).map((r) => r.person_id));
  const authorIds = new Set((t.article_authors ?? []).map((a) => a.person_id));
  const authors = new Set(
    (t.people ?? [])
      .filter((p) => authorIds.has(p.id) && !quoted.has(p.id) && !roled.has(p.id))
      .map((p) => String(p.slug)),
  );
  const content: string[] = [];
  const bodies = new Map((t.articles ?? []).map((a: Row) => [a.id, String(a.body)]));
  for (const c of t.article_content ?? []) {
    if (c.lang !== 'vi') continue;
    content.push((bodies.get(c.article_id) ?? '').slice(Number(c.start), Number(c.end)));
  }
  return {
    plan,
    rank: {
      people: ranked('people', 'person_id').filter((s) => !authors.has(s)),
      organizations: ranked('organizations', 'organization_id'),
      places: ranked('places', 'place_id'),
      documents: ranked('documents', 'document_id'),
      projects: ranked('projects', 'project_id'),
    },
    authors,
    markov: new Markov(content.join('\n')),
  };
}

/** A word-bigram model of the seed's prose: sentences that read like the articles, word for word. */
export class Markov {
  private readonly next = new Map<string, string[]>();
  private readonly starts: string[] = [];

  constructor(text: string) {
    for (const line of text.split('\n')) {
      // Quotation marks and brackets would come out unbalanced; they are not words anyway.
      const words = line
        .replace(/[“”"()[\]«»]/g, ' ')
        .split(/\s+/u)
        .filter((w) => w !== '' && /\p{L}/u.test(w));
      if (words.length < 4) continue;
      let sentenceStart = true;
      for (let i = 0; i < words.length; i++) {
        const w = words[i] as string;
        if (sentenceStart && /^\p{Lu}/u.test(w)) this.starts.push(w);
        sentenceStart = /[.!?]$/.test(w);
        const nxt = words[i + 1];
        if (nxt === undefined || sentenceStart) continue;
        const list = this.next.get(w) ?? [];
        list.push(nxt);
        this.next.set(w, list);
      }
    }
  }

  /** One sentence of 8–28 words, capitalized, ending with a full stop. */
  sentence(rng: Rng, min = 8, max = 28): string {
    const target = rng.range(min, max);
    let w = rng.pick(this.starts);
    const out = [w];
    while (out.length < target) {
      const choices = this.next.get(w);
      if (!choices || /[.!?]$/.test(w)) {
        if (out.length >= min) break;
        w = rng.pick(this.starts);
        out.push(w.toLowerCase());
        continue;
      }
      w = rng.pick(choices);
      out.push(w);
    }
    let s = out.join(' ').replace(/[,;:.!?…]+$/u, '');
    s = s.charAt(0).toUpperCase() + s.slice(1);
    return `${s}.`;
  }

  /** A clause without the final stop and with a lower-case start (for reported speech). */
  clause(rng: Rng): string {
    const s = this.sentence(rng, 8, 20).slice(0, -1);
    return s.charAt(0).toLowerCase() + s.slice(1);
  }
}
