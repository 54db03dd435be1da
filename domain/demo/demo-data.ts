// Demo data: a few institutions, courses and learners with realistic records, for a first look; the
// seed programmes and recognition rules, and two learners working toward the Korean bachelor's.
import { SYSTEM, type Accounts, type Actor, type LearnerRegistry } from '../identity/index.ts';
import type { Catalogue, InstitutionRegistry } from '../institutions/index.ts';
import type { AchievementInput } from '../ledger/index.ts';
import type { LedgerService, RowResult } from '../ledger/index.ts';
import { bindInstitutionIds } from '../programmes/index.ts';
import { SEED_INSTITUTIONS, SEED_PROGRAMMES, SEED_PROGRAMME_IDS } from '../programmes/index.ts';
import type { ProgrammeRegistry } from '../programmes/index.ts';
import { SEED_RECOGNITION_RULES, type RuleRegistry } from '../recognition/index.ts';
import type { CreditSystem, InstitutionType, QualificationType } from '../shared/index.ts';

/** The services the demo data is recorded through: the server's (api/services.ts) or a test's. */
export interface DemoServices {
  institutions: InstitutionRegistry;
  accounts: Accounts;
  catalogue: Catalogue;
  learners: LearnerRegistry;
  ledger: LedgerService;
  programmes: ProgrammeRegistry;
  rules: RuleRegistry;
  config: { port: number };
}

export const DEMO_PASSWORD = 'demo-password-2026';
export const DEMO_OPERATOR = 'operator@creditbank.example';

interface CourseDef {
  code: string;
  title: { zh: string; en: string };
  credits: number;
  level: number;
  category: string;
  hours: number;
}

interface InstitutionDef {
  slug: string;
  name: { zh: string; en: string };
  type: InstitutionType;
  region: string;
  accreditation: { qualificationType: QualificationType; levels: number[] }[];
  staff: string;
  /** The credit system of its courses (default CN). */
  creditSystem?: CreditSystem;
  courses: CourseDef[];
}

const INSTITUTIONS: InstitutionDef[] = [
  {
    slug: 'zju',
    name: { zh: '浙江大学', en: 'Zhejiang University' },
    type: 'university',
    region: 'CN-ZJ',
    accreditation: [
      { qualificationType: 'bachelor', levels: [6] },
      { qualificationType: 'master', levels: [7] },
      { qualificationType: 'course_certificate', levels: [] },
      { qualificationType: 'transcript', levels: [] },
    ],
    staff: 'registrar@zju.example',
    courses: [
      {
        code: 'MATH101',
        title: { zh: '微积分（一）', en: 'Calculus I' },
        credits: 4,
        level: 6,
        category: 'general',
        hours: 64,
      },
      {
        code: 'CS101',
        title: { zh: '程序设计基础', en: 'Introduction to Programming' },
        credits: 3,
        level: 6,
        category: 'major',
        hours: 48,
      },
      {
        code: 'CS201',
        title: { zh: '数据结构', en: 'Data Structures' },
        credits: 3.5,
        level: 6,
        category: 'major',
        hours: 56,
      },
      {
        code: 'ENG101',
        title: { zh: '大学英语', en: 'College English' },
        credits: 2,
        level: 6,
        category: 'general',
        hours: 32,
      },
    ],
  },
  {
    slug: 'zjou',
    name: { zh: '浙江开放大学', en: 'Zhejiang Open University' },
    type: 'open_university',
    region: 'CN-ZJ',
    accreditation: [
      { qualificationType: 'associate', levels: [5] },
      { qualificationType: 'bachelor', levels: [6] },
      { qualificationType: 'transcript', levels: [] },
    ],
    staff: 'registrar@zjou.example',
    courses: [
      {
        code: 'ACC110',
        title: { zh: '基础会计', en: 'Fundamentals of Accounting' },
        credits: 3,
        level: 5,
        category: 'major',
        hours: 54,
      },
      {
        code: 'MGT120',
        title: { zh: '管理学基础', en: 'Principles of Management' },
        credits: 3,
        level: 5,
        category: 'major',
        hours: 54,
      },
      {
        code: 'POL100',
        title: { zh: '思想道德与法治', en: 'Ethics and Law' },
        credits: 2,
        level: 5,
        category: 'general',
        hours: 36,
      },
    ],
  },
  {
    slug: 'hzvtc',
    name: { zh: '杭州职业技术学院', en: 'Hangzhou Vocational & Technical College' },
    type: 'vocational_college',
    region: 'CN-ZJ',
    accreditation: [
      { qualificationType: 'vocational_diploma', levels: [5] },
      { qualificationType: 'vocational_certificate', levels: [3, 4, 5] },
      { qualificationType: 'transcript', levels: [] },
    ],
    staff: 'registrar@hzvtc.example',
    courses: [
      {
        code: 'EE150',
        title: { zh: '电工电子技术', en: 'Electrical and Electronic Technology' },
        credits: 4,
        level: 5,
        category: 'major',
        hours: 72,
      },
      {
        code: 'PLC210',
        title: { zh: 'PLC控制技术', en: 'PLC Control Technology' },
        credits: 3,
        level: 5,
        category: 'major',
        hours: 54,
      },
    ],
  },
  {
    slug: 'zj-mooc',
    name: { zh: '浙江省高等学校在线开放课程共享平台', en: 'Zhejiang Online Course Platform' },
    type: 'mooc_platform',
    region: 'CN-ZJ',
    accreditation: [{ qualificationType: 'course_certificate', levels: [] }],
    staff: 'partners@zj-mooc.example',
    courses: [
      {
        code: 'AI-INTRO',
        title: { zh: '人工智能导论', en: 'Introduction to AI' },
        credits: 2,
        level: 6,
        category: 'elective',
        hours: 30,
      },
    ],
  },
];

/** A Korean credit-bank course: 3 credits, 45 hours, level 6 (bachelor's). */
const kr = (code: string, en: string, zh: string, category: string): CourseDef => ({
  code,
  title: { zh, en },
  credits: 3,
  level: 6,
  category,
  hours: 45,
});

const I = SEED_INSTITUTIONS;

/** The institutions the seed programmes and recognition rules name (domain/programmes/seed.ts). */
const SEED_PROGRAMME_INSTITUTIONS: InstitutionDef[] = [
  {
    slug: I.krCreditBank,
    name: { zh: '韩国学分银行（国家终身教育振兴院）', en: 'Academic Credit Bank System (Korea)' },
    type: 'credit_bank',
    region: 'KR',
    accreditation: [
      { qualificationType: 'bachelor', levels: [6] },
      { qualificationType: 'associate', levels: [5] },
      { qualificationType: 'vocational_certificate', levels: [] },
      { qualificationType: 'transcript', levels: [] },
    ],
    staff: 'registrar@kr-cb.example',
    creditSystem: 'KR_CB',
    courses: [],
  },
  {
    slug: I.krPartnerSeoul,
    name: { zh: '首尔终身教育院', en: 'Seoul Lifelong Education Centre' },
    type: 'training_provider',
    region: 'KR',
    accreditation: [
      { qualificationType: 'course_certificate', levels: [] },
      { qualificationType: 'transcript', levels: [] },
    ],
    staff: 'registrar@kr-cb-partner-seoul.example',
    creditSystem: 'KR_CB',
    courses: [
      kr('BUS101', 'Principles of Management', '管理学原理', 'major'),
      kr('BUS102', 'Principles of Accounting', '会计学原理', 'major'),
      kr('BUS201', 'Marketing Management', '市场营销管理', 'major'),
      kr('BUS202', 'Organisational Behaviour', '组织行为学', 'major'),
      kr('BUS203', 'Financial Management', '财务管理', 'major'),
      kr('BUS204', 'Human Resource Management', '人力资源管理', 'major'),
      kr('BUS301', 'Business Strategy', '企业战略', 'major'),
      kr('BUS302', 'International Business', '国际企业管理', 'major'),
      kr('BUS303', 'Management Information Systems', '管理信息系统', 'major'),
      kr('BUS304', 'Operations Management', '生产运营管理', 'major'),
      kr('BUS305', 'Business Ethics', '企业伦理', 'major'),
      kr('BUS306', 'Investment Theory', '投资学', 'major'),
      kr('BUS307', 'Logistics Management', '物流管理', 'major'),
      kr('BUS308', 'E-commerce', '电子商务', 'major'),
      kr('BUS309', 'Services Marketing', '服务营销', 'major'),
      kr('BUS311', 'Tax Accounting', '税务会计', 'major'),
      kr('BUS312', 'Intermediate Accounting', '中级财务会计', 'major'),
      kr('BUS313', 'Business Analytics', '商业分析', 'major'),
      kr('BUS314', 'Leadership', '领导力', 'major'),
      kr('BUS315', 'Negotiation', '商务谈判', 'major'),
      kr('GEN101', 'Academic Writing', '学术写作', 'general'),
      kr('GEN102', 'English Reading', '英语阅读', 'general'),
      kr('GEN103', 'Introduction to Psychology', '心理学导论', 'general'),
      kr('GEN104', 'Statistics', '统计学', 'general'),
    ],
  },
  {
    slug: I.krPartnerBusan,
    name: { zh: '釜山终身教育院', en: 'Busan Lifelong Education Centre' },
    type: 'training_provider',
    region: 'KR',
    accreditation: [
      { qualificationType: 'course_certificate', levels: [] },
      { qualificationType: 'transcript', levels: [] },
    ],
    staff: 'registrar@kr-cb-partner-busan.example',
    creditSystem: 'KR_CB',
    courses: [
      kr('BIZ210', 'Consumer Behaviour', '消费者行为学', 'major'),
      kr('BIZ220', 'Business Law', '商法', 'major'),
      kr('BIZ230', 'Cost Accounting', '成本会计', 'major'),
      kr('BIZ240', 'Managerial Economics', '管理经济学', 'major'),
      kr('BIZ310', 'Entrepreneurship', '创业学', 'major'),
      kr('BIZ320', 'Retail and Distribution Management', '流通管理', 'major'),
      kr('BIZ330', 'Advertising', '广告学', 'major'),
      kr('BIZ340', 'Supply Chain Management', '供应链管理', 'major'),
      kr('BIZ350', 'Digital Marketing', '数字营销', 'major'),
      kr('BIZ360', 'Small Business Management', '中小企业管理', 'major'),
      kr('GEN110', 'Korean History', '韩国史', 'general'),
      kr('GEN120', 'Philosophy and Ethics', '哲学与伦理', 'general'),
      kr('GEN130', 'Understanding Modern Society', '现代社会概论', 'general'),
      kr('ELE100', 'Office Software Practice', '办公软件实务', 'elective'),
    ],
  },
  {
    slug: I.krHanbitCollege,
    name: { zh: '韩光学院', en: 'Hanbit College' },
    type: 'vocational_college',
    region: 'KR',
    accreditation: [
      { qualificationType: 'associate', levels: [5] },
      { qualificationType: 'course_certificate', levels: [] },
      { qualificationType: 'transcript', levels: [] },
    ],
    staff: 'registrar@kr-hanbit-college.example',
    creditSystem: 'KR_CB',
    courses: [
      kr('MGT100', 'Introduction to Business', '企业管理概论', 'major'),
      kr('ECO100', 'Principles of Economics', '经济学原理', 'major'),
      kr('ECO200', 'Microeconomics', '微观经济学', 'major'),
      kr('GEN200', 'College Mathematics', '大学数学', 'general'),
      kr('GEN210', 'Science and Technology', '科学与技术', 'general'),
      kr('GEN220', 'Art Appreciation', '艺术鉴赏', 'general'),
      kr('ELE200', 'Presentation Skills', '演讲与展示技巧', 'elective'),
    ],
  },
  {
    slug: I.cnZjPolytechnic,
    name: { zh: '浙江软件职业技术学院', en: 'Zhejiang Polytechnic of Software' },
    type: 'vocational_college',
    region: 'CN-ZJ',
    accreditation: [
      { qualificationType: 'associate', levels: [5] },
      { qualificationType: 'vocational_certificate', levels: [3, 4, 5] },
      { qualificationType: 'course_certificate', levels: [] },
      { qualificationType: 'transcript', levels: [] },
    ],
    staff: 'registrar@cn-zj-polytechnic.example',
    courses: [
      {
        code: 'IDEO101',
        title: { zh: '思想道德与法治', en: 'Ethics and the Rule of Law' },
        credits: 3,
        level: 5,
        category: 'general',
        hours: 48,
      },
      {
        code: 'MATH101',
        title: { zh: '高等数学', en: 'Advanced Mathematics' },
        credits: 4,
        level: 5,
        category: 'general',
        hours: 64,
      },
      {
        code: 'SE101',
        title: { zh: '程序设计基础', en: 'Programming Fundamentals' },
        credits: 4,
        level: 5,
        category: 'major',
        hours: 64,
      },
      {
        code: 'PRAC301',
        title: { zh: '顶岗实习', en: 'Workplace Internship' },
        credits: 6,
        level: 5,
        category: 'major',
        hours: 240,
      },
      {
        code: 'PRAC302',
        title: { zh: '毕业设计', en: 'Capstone Project' },
        credits: 4,
        level: 5,
        category: 'major',
        hours: 96,
      },
    ],
  },
  {
    slug: I.cnZjOpenUniversity,
    name: { zh: '宁波开放大学', en: 'Ningbo Open University' },
    type: 'open_university',
    region: 'CN-ZJ',
    accreditation: [
      { qualificationType: 'associate', levels: [5] },
      { qualificationType: 'course_certificate', levels: [] },
      { qualificationType: 'transcript', levels: [] },
    ],
    staff: 'registrar@cn-zj-open-university.example',
    courses: [
      {
        code: 'MATH-A',
        title: { zh: '高等数学A', en: 'Advanced Mathematics A' },
        credits: 4,
        level: 5,
        category: 'general',
        hours: 72,
      },
    ],
  },
  {
    slug: I.cnMoocPlatform,
    name: { zh: '中国大学MOOC', en: 'icourse (China University MOOC)' },
    type: 'mooc_platform',
    region: 'CN',
    accreditation: [{ qualificationType: 'course_certificate', levels: [] }],
    staff: 'partners@cn-icourse.example',
    courses: [
      {
        code: 'PY101',
        title: { zh: 'Python语言程序设计', en: 'Python Programming' },
        credits: 2,
        level: 5,
        category: 'elective',
        hours: 32,
      },
    ],
  },
  {
    slug: I.euOpenUniversity,
    name: { zh: '欧洲开放大学', en: 'European Open University' },
    type: 'open_university',
    region: 'EU',
    accreditation: [
      { qualificationType: 'bachelor', levels: [6] },
      { qualificationType: 'course_certificate', levels: [] },
      { qualificationType: 'transcript', levels: [] },
    ],
    staff: 'registrar@eu-open-university.example',
    creditSystem: 'ECTS',
    courses: [
      {
        code: 'CS100',
        title: { zh: '程序设计导论', en: 'Introduction to Programming' },
        credits: 6,
        level: 1,
        category: 'major',
        hours: 150,
      },
      {
        code: 'CS200',
        title: { zh: '算法与数据结构', en: 'Algorithms and Data Structures' },
        credits: 6,
        level: 2,
        category: 'major',
        hours: 150,
      },
      {
        code: 'CS390',
        title: { zh: '学士学位论文', en: 'Bachelor Thesis' },
        credits: 15,
        level: 3,
        category: 'major',
        hours: 375,
      },
      {
        code: 'CS391',
        title: { zh: '综合项目', en: 'Capstone Project' },
        credits: 15,
        level: 3,
        category: 'major',
        hours: 375,
      },
    ],
  },
  {
    slug: I.euPartnerCollege,
    name: { zh: '欧洲合作学院', en: 'European Partner College' },
    type: 'university',
    region: 'EU',
    accreditation: [
      { qualificationType: 'course_certificate', levels: [] },
      { qualificationType: 'transcript', levels: [] },
    ],
    staff: 'registrar@eu-partner-college.example',
    creditSystem: 'ECTS',
    courses: [
      {
        code: 'MA110',
        title: { zh: '离散数学', en: 'Discrete Mathematics' },
        credits: 5,
        level: 1,
        category: 'general',
        hours: 125,
      },
    ],
  },
];

const ALL_INSTITUTIONS = [...INSTITUTIONS, ...SEED_PROGRAMME_INSTITUTIONS];

/**
 * Two learners of the Korean credit bank's bachelor's (SEED_PROGRAMME_IDS.krBachelor): what they
 * took, term by term (first semester March–August, second September–February), never more than 24
 * credits a semester nor 42 a year, except where a cap is meant to bite.
 */
const KR_LEARNERS = [
  {
    tag: 'KMJ',
    nationalId: '9803151234567',
    name: '김민준 (Kim Min-jun)',
    email: 'kim.minjun@learner.example',
    note: 'has completed the Korean bachelor’s: the audit passes, an award can be applied for',
    terms: [
      { at: I.krHanbitCollege, term: '2020-1', codes: ['MGT100', 'ECO100', 'GEN200', 'GEN210'] },
      { at: I.krHanbitCollege, term: '2020-2', codes: ['ECO200', 'GEN220', 'ELE200'] },
      {
        at: I.krPartnerSeoul,
        term: '2021-1',
        codes: ['BUS101', 'BUS102', 'GEN101', 'GEN102', 'BUS201', 'BUS202'],
      },
      {
        at: I.krPartnerSeoul,
        term: '2021-2',
        codes: ['BUS203', 'BUS204', 'GEN103', 'GEN104', 'BUS301', 'BUS302'],
      },
      {
        at: I.krPartnerBusan,
        term: '2022-1',
        codes: ['BIZ210', 'BIZ220', 'BIZ230', 'BIZ240', 'GEN110', 'GEN120'],
      },
      {
        at: I.krPartnerBusan,
        term: '2022-2',
        codes: ['BIZ310', 'BIZ320', 'BIZ330', 'BIZ340', 'GEN130', 'ELE100'],
      },
      {
        at: I.krPartnerSeoul,
        term: '2023-1',
        codes: ['BUS303', 'BUS304', 'BUS305', 'BUS306', 'BUS307', 'BUS308'],
      },
      {
        at: I.krPartnerSeoul,
        term: '2023-2',
        codes: ['BUS309', 'BUS311', 'BUS312', 'BUS313', 'BUS314', 'BUS315'],
      },
    ],
    certificateAt: '2024-05-17',
  },
  {
    tag: 'PJM',
    nationalId: '9207222345678',
    name: '박지민 (Park Ji-min)',
    email: 'park.jimin@learner.example',
    note: 'nearly there: 8 credits in total and 6 general-education credits missing',
    terms: [
      // More than ten years ago: the operator's validity rule no longer counts it.
      { at: I.krHanbitCollege, term: '2015-2', codes: ['ECO100'] },
      { at: I.krHanbitCollege, term: '2017-1', codes: ['MGT100', 'GEN200', 'GEN210', 'ELE200'] },
      { at: I.krHanbitCollege, term: '2017-2', codes: ['ECO200', 'GEN220'] },
      { at: I.krPartnerSeoul, term: '2020-1', codes: ['BUS101', 'BUS102', 'GEN101', 'GEN102'] },
      { at: I.krPartnerSeoul, term: '2020-2', codes: ['BUS201', 'BUS202', 'BUS203', 'GEN103'] },
      { at: I.krPartnerBusan, term: '2021-1', codes: ['BIZ210', 'BIZ220', 'BIZ230', 'GEN110'] },
      {
        at: I.krPartnerBusan,
        term: '2021-2',
        codes: ['BIZ240', 'BIZ310', 'BIZ320', 'GEN120', 'ELE100'],
      },
      {
        at: I.krPartnerSeoul,
        term: '2022-1',
        codes: ['BUS204', 'BUS301', 'BUS302', 'BUS303', 'BUS304'],
      },
      { at: I.krPartnerSeoul, term: '2022-2', codes: ['BUS305', 'BUS306', 'BUS307', 'BUS308'] },
      // 27 credits in one semester, at two institutions: one course is over the 24-credit cap.
      {
        at: I.krPartnerSeoul,
        term: '2023-1',
        codes: ['BUS311', 'BUS312', 'BUS313', 'BUS314', 'BUS315'],
      },
      { at: I.krPartnerBusan, term: '2023-1', codes: ['BIZ330', 'BIZ340', 'BIZ350', 'BIZ360'] },
    ],
    certificateAt: '2019-11-22',
  },
] as const;

/** A learner of the Chinese associate diploma with credit from elsewhere to have recognised. */
const RECOGNITION_LEARNER = {
  nationalId: '330683200205154321',
  name: '赵磊',
  email: 'zhao.lei@learner.example',
  note: 'studies at the polytechnic; has MATH-A (Ningbo) and an icourse MOOC to have recognised',
  records: [
    {
      at: I.cnZjOpenUniversity,
      row: {
        sourceRecordId: 'NBOU-2023-7731',
        kind: 'course',
        courseCode: 'MATH-A',
        grade: { score: 84 },
        term: '2023-fall',
        earnedAt: '2024-01-15',
      },
    },
    {
      at: I.cnMoocPlatform,
      row: {
        sourceRecordId: 'ICOURSE-CERT-2024-55120',
        kind: 'mooc',
        courseCode: 'PY101',
        grade: { score: 90 },
        earnedAt: '2024-06-30',
      },
    },
    {
      at: I.cnZjPolytechnic,
      row: {
        sourceRecordId: 'ZJPS-2024-0101',
        kind: 'course',
        courseCode: 'IDEO101',
        grade: { score: 88 },
        term: '2024-fall',
        earnedAt: '2025-01-10',
      },
    },
    {
      at: I.cnZjPolytechnic,
      row: {
        sourceRecordId: 'ZJPS-2025-0102',
        kind: 'course',
        courseCode: 'SE101',
        grade: { score: 79 },
        term: '2025-spring',
        earnedAt: '2025-06-27',
      },
    },
  ],
} as const;

/** Korean grades on the 4.5 scale, picked deterministically per learner and course. */
const KR_GRADES = [
  { letter: 'A+', points: 4.5, score: 97 },
  { letter: 'A0', points: 4.0, score: 92 },
  { letter: 'B+', points: 3.5, score: 87 },
  { letter: 'A0', points: 4.0, score: 93 },
  { letter: 'B0', points: 3.0, score: 83 },
  { letter: 'B+', points: 3.5, score: 88 },
  { letter: 'C+', points: 2.5, score: 77 },
] as const;

function krGrade(key: string) {
  let h = 0;
  for (const ch of key) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return KR_GRADES[h % KR_GRADES.length]!;
}

/** The last day of a Korean term: first semester in June, second in December. */
const termEnd = (term: string) =>
  term.endsWith('-1') ? `${term.slice(0, 4)}-06-24` : `${term.slice(0, 4)}-12-19`;

/** recordBatch answers per row: a row that failed is a bug in the demo data, not something to skip. */
function requireRecorded(results: RowResult[], what: string): void {
  const failed = results.find((r) => r.status === 'error');
  if (failed && failed.status === 'error')
    throw new Error(`Demo data: ${what}, row ${failed.index}: ${failed.error.message}`);
}

const LEARNERS = [
  { nationalId: '330106199901011234', name: '李明', email: 'li.ming@learner.example' },
  { nationalId: '330102200003152345', name: '王芳', email: 'wang.fang@learner.example' },
  { nationalId: '330205198807203456', name: 'Chen Wei', email: 'chen.wei@learner.example' },
] as const;

/** Creates the demo data once: does nothing when any institution exists. */
export async function seedIfEmpty(
  s: DemoServices,
  print: (line: string) => void,
): Promise<boolean> {
  if ((await s.institutions.list()).length > 0) return false;
  await seedDemo(s, print);
  return true;
}

export async function seedDemo(s: DemoServices, print: (line: string) => void): Promise<void> {
  if ((await s.accounts.operatorCount()) === 0) {
    await s.accounts.createOperator(SYSTEM, {
      email: DEMO_OPERATOR,
      name: '学分银行管理中心',
      password: DEMO_PASSWORD,
    });
  }
  const ids: Record<string, string> = {};
  const staff: Record<string, Actor> = {};
  for (const def of ALL_INSTITUTIONS) {
    const inst =
      (await s.institutions.findBySlug(def.slug)) ??
      (await s.institutions.register(SYSTEM, {
        slug: def.slug,
        name: def.name,
        type: def.type,
        region: def.region,
        accreditation: def.accreditation.map((a) => ({ ...a, levels: [...a.levels] })),
      }));
    ids[def.slug] = inst.id;
    const user =
      (await s.accounts.listStaff(SYSTEM, inst.id))[0] ??
      (await s.accounts.createStaff(SYSTEM, inst.id, {
        email: def.staff,
        name: `${def.name.en} registrar`,
        password: DEMO_PASSWORD,
      }));
    staff[def.slug] = { kind: 'staff', userId: user.id, institutionId: inst.id };
    for (const c of def.courses) {
      await s.catalogue.define(SYSTEM, inst.id, {
        ...c,
        creditSystem: def.creditSystem ?? 'CN',
        learningOutcomes: [],
      });
    }
  }
  const learners: string[] = [];
  for (const l of LEARNERS) {
    const { learner, created } = await s.learners.register(SYSTEM, {
      nationalId: l.nationalId,
      name: l.name,
    });
    learners.push(learner.id);
    if (created)
      await s.accounts.createLearnerAccount(SYSTEM, learner.id, {
        email: l.email,
        name: l.name,
        password: DEMO_PASSWORD,
      });
  }
  const [li, wang, chen] = learners as [string, string, string];
  const rec = (
    learnerId: string,
    sourceRecordId: string,
    rest: Partial<AchievementInput>,
  ): AchievementInput => ({
    learnerId,
    sourceRecordId,
    kind: 'course',
    earnedAt: '2024-01-15',
    ...rest,
  });
  requireRecorded(
    await s.ledger.recordBatch(SYSTEM, ids['zju']!, [
      rec(li, 'ZJU-2023-0001', {
        courseCode: 'MATH101',
        grade: { score: 88, points: 3.8 },
        term: '2023-fall',
      }),
      rec(li, 'ZJU-2023-0002', {
        courseCode: 'CS101',
        grade: { score: 92, points: 4.0 },
        term: '2023-fall',
      }),
      rec(li, 'ZJU-2024-0003', {
        courseCode: 'CS201',
        grade: { score: 79, points: 3.0 },
        term: '2024-spring',
        earnedAt: '2024-06-28',
      }),
      rec(wang, 'ZJU-2024-0101', {
        courseCode: 'ENG101',
        grade: { score: 85 },
        term: '2024-spring',
        earnedAt: '2024-06-28',
      }),
    ]),
    'zju',
  );
  requireRecorded(
    await s.ledger.recordBatch(SYSTEM, ids['zjou']!, [
      rec(wang, 'ZJOU-24-7781', {
        courseCode: 'ACC110',
        grade: { score: 81 },
        earnedAt: '2024-07-10',
      }),
      rec(wang, 'ZJOU-24-7782', {
        courseCode: 'MGT120',
        grade: { score: 74 },
        earnedAt: '2024-07-10',
      }),
      rec(chen, 'ZJOU-23-1201', {
        courseCode: 'POL100',
        grade: { score: 90 },
        earnedAt: '2023-12-20',
      }),
    ]),
    'zjou',
  );
  requireRecorded(
    await s.ledger.recordBatch(SYSTEM, ids['hzvtc']!, [
      rec(chen, 'HZVTC-2022-5501', {
        courseCode: 'EE150',
        grade: { score: 86 },
        earnedAt: '2022-06-30',
      }),
      rec(chen, 'HZVTC-2022-5502', {
        courseCode: 'PLC210',
        grade: { score: 77 },
        earnedAt: '2022-12-30',
      }),
      rec(chen, 'HZVTC-CERT-0931', {
        kind: 'vocational_certificate',
        title: {
          zh: '电工（四级/中级工）职业技能等级证书',
          en: 'Electrician skills certificate, level 4 (intermediate)',
        },
        credits: 6,
        creditSystem: 'CN',
        category: 'major',
        level: 4,
        earnedAt: '2023-03-18',
        expiresAt: '2028-03-17',
      }),
    ]),
    'hzvtc',
  );
  requireRecorded(
    await s.ledger.recordBatch(SYSTEM, ids['zj-mooc']!, [
      rec(li, 'MOOC-CERT-88213', {
        kind: 'mooc',
        courseCode: 'AI-INTRO',
        grade: { score: 95 },
        earnedAt: '2024-09-01',
      }),
    ]),
    'zj-mooc',
  );
  await seedProgrammes(s, ids, staff);
  await seedKoreanLearners(s, ids);
  await seedRecognitionLearner(s, ids);

  print('');
  print('Demo data created. Sign in (password for every demo account: ' + DEMO_PASSWORD + '):');
  print(`  operator  ${DEMO_OPERATOR}`);
  for (const def of ALL_INSTITUTIONS) print(`  staff     ${def.staff} (${def.name.en})`);
  for (const l of LEARNERS) print(`  learner   ${l.email} (${l.name})`);
  for (const l of KR_LEARNERS) print(`  learner   ${l.email} (${l.name}): ${l.note}`);
  const r = RECOGNITION_LEARNER;
  print(`  learner   ${r.email} (${r.name}): ${r.note}`);
  print(
    `Programmes: ${SEED_PROGRAMMES.map((p) => p.id).join(', ')}; try the degree audit of ${SEED_PROGRAMME_IDS.krBachelor} as a Korean learner.`,
  );
  print('Get a token:');
  print(
    `  curl -s localhost:${s.config.port}/graphql -H 'content-type: application/json' -d '{"query":"mutation { login(email: \\"li.ming@learner.example\\", password: \\"${DEMO_PASSWORD}\\") { ... on LoginOk { token } ... on ResultError { message } } }"}'`,
  );
  print(
    `Then open http://localhost:${s.config.port}/graphql and send it as "Authorization: Bearer <token>".`,
  );
}

/**
 * The seed programmes and recognition rules, defined through the registries like any other: each by
 * the institution that owns it (its staff), operator-wide rules by the operator. Defining the same
 * version again returns the stored one, so this runs twice without harm.
 */
async function seedProgrammes(
  s: DemoServices,
  ids: Record<string, string>,
  staff: Record<string, Actor>,
): Promise<void> {
  const slugOf = Object.fromEntries(Object.entries(ids).map(([slug, id]) => [id, slug]));
  for (const p of SEED_PROGRAMMES) {
    const bound = bindInstitutionIds(p, ids);
    await s.programmes.define(staff[slugOf[bound.institutionId]!] ?? SYSTEM, bound);
  }
  for (const r of SEED_RECOGNITION_RULES) {
    const bound = bindInstitutionIds(r, ids);
    const publisher = slugOf[bound.publishedBy];
    await s.rules.publish(publisher ? staff[publisher]! : SYSTEM, bound);
  }
}

/** The Korean learners, their courses term by term, and a national certificate the credit bank records. */
async function seedKoreanLearners(s: DemoServices, ids: Record<string, string>): Promise<void> {
  for (const l of KR_LEARNERS) {
    const { learner, created } = await s.learners.register(SYSTEM, {
      nationalId: l.nationalId,
      name: l.name,
    });
    if (created)
      await s.accounts.createLearnerAccount(SYSTEM, learner.id, {
        email: l.email,
        name: l.name,
        password: DEMO_PASSWORD,
      });
    const byInstitution = new Map<string, AchievementInput[]>();
    for (const t of l.terms) {
      const rows = byInstitution.get(t.at) ?? [];
      for (const code of t.codes) {
        const g = krGrade(`${l.tag}:${code}`);
        rows.push({
          learnerId: learner.id,
          sourceRecordId: `${t.term}-${l.tag}-${code}`,
          kind: 'course',
          courseCode: code,
          grade: { score: g.score, letter: g.letter, points: g.points },
          term: t.term,
          earnedAt: termEnd(t.term),
        });
      }
      byInstitution.set(t.at, rows);
    }
    byInstitution.set(I.krCreditBank, [
      {
        learnerId: learner.id,
        sourceRecordId: `CERT-${l.tag}-CAT1`,
        kind: 'vocational_certificate',
        title: {
          zh: '计算机会计一级（国家技术资格）',
          en: 'Computerised Accounting, Level 1 (national technical qualification)',
        },
        credits: 12,
        creditSystem: 'KR_CB',
        category: 'major',
        level: 4,
        earnedAt: l.certificateAt,
      },
    ]);
    for (const [slug, rows] of byInstitution)
      requireRecorded(
        await s.ledger.recordBatch(SYSTEM, ids[slug]!, rows),
        `${l.email} at ${slug}`,
      );
  }
}

async function seedRecognitionLearner(s: DemoServices, ids: Record<string, string>): Promise<void> {
  const l = RECOGNITION_LEARNER;
  const { learner, created } = await s.learners.register(SYSTEM, {
    nationalId: l.nationalId,
    name: l.name,
  });
  if (created)
    await s.accounts.createLearnerAccount(SYSTEM, learner.id, {
      email: l.email,
      name: l.name,
      password: DEMO_PASSWORD,
    });
  for (const { at, row } of l.records)
    requireRecorded(
      await s.ledger.recordBatch(SYSTEM, ids[at]!, [{ ...row, learnerId: learner.id }]),
      `${l.email} at ${at}`,
    );
}
