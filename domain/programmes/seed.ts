// Seed programmes modelled on real rule sets (Korea's Academic Credit Bank, a Zhejiang vocational college, an ECTS bachelor's).
import type { Programme } from './types.ts';

/** Institution slugs the seed programmes assume; demo data should create institutions with these slugs. */
export const SEED_INSTITUTIONS = {
  /** Korea's Academic Credit Bank System (the awarding body of its degrees). */
  krCreditBank: 'kr-cb',
  /** Universities' lifelong-education centres recognised by the credit bank. */
  krPartnerSeoul: 'kr-cb-partner-seoul',
  krPartnerBusan: 'kr-cb-partner-busan',
  /** A Korean college outside the credit bank's partner list. */
  krHanbitCollege: 'kr-hanbit-college',
  cnZjPolytechnic: 'cn-zj-polytechnic',
  cnZjOpenUniversity: 'cn-zj-open-university',
  /** A MOOC platform whose certificates carry recognised credit. */
  cnMoocPlatform: 'cn-icourse',
  euOpenUniversity: 'eu-open-university',
  euPartnerCollege: 'eu-partner-college',
} as const;

const I = SEED_INSTITUTIONS;

export const SEED_PROGRAMME_IDS = {
  krBachelor: 'kr-cb-ba-business',
  cnAssociate: 'cn-zj-assoc-software',
  ectsBachelor: 'eu-open-bsc-computing',
} as const;

/** Course refs the seed programmes require (`institution:code`). */
export const SEED_COURSES = {
  cnIdeology: `${I.cnZjPolytechnic}:IDEO101`,
  cnMath: `${I.cnZjPolytechnic}:MATH101`,
  cnProgramming: `${I.cnZjPolytechnic}:SE101`,
  cnInternship: `${I.cnZjPolytechnic}:PRAC301`,
  cnCapstone: `${I.cnZjPolytechnic}:PRAC302`,
  euIntroProgramming: `${I.euOpenUniversity}:CS100`,
  euAlgorithms: `${I.euOpenUniversity}:CS200`,
  euThesis: `${I.euOpenUniversity}:CS390`,
  euProject: `${I.euOpenUniversity}:CS391`,
} as const;

const C = SEED_COURSES;

/**
 * Korean credit-bank bachelor's (학점은행제 학사): ≥ 140 credits, ≥ 60 major, ≥ 30 general education,
 * ≤ 42 a year, ≤ 24 a semester, ≤ 105 from one institution, ≥ 18 at the credit bank or its partners.
 */
export const KR_CB_BACHELOR: Programme = {
  id: SEED_PROGRAMME_IDS.krBachelor,
  version: 1,
  institutionId: I.krCreditBank,
  partnerInstitutionIds: [I.krPartnerSeoul, I.krPartnerBusan],
  name: {
    en: 'Bachelor of Business Administration (Academic Credit Bank)',
    zh: '工商管理学士（学分银行制）',
  },
  qualificationType: 'bachelor',
  level: 6,
  creditSystem: 'KR_CB',
  effectiveFrom: '2020-03-01',
  requirements: {
    id: 'kr-ba',
    kind: 'allOf',
    label: { en: 'Bachelor of Business Administration', zh: '工商管理学士' },
    children: [
      { id: 'kr-ba-total', kind: 'totalCredits', min: 14000 },
      { id: 'kr-ba-major', kind: 'categoryCredits', categories: ['major'], min: 6000 },
      { id: 'kr-ba-general', kind: 'categoryCredits', categories: ['general'], min: 3000 },
      { id: 'kr-ba-year-cap', kind: 'maxPerPeriod', period: 'calendarYear', max: 4200 },
      { id: 'kr-ba-semester-cap', kind: 'maxPerPeriod', period: 'semester', max: 2400 },
      { id: 'kr-ba-institution-cap', kind: 'maxPerInstitution', max: 10500 },
      { id: 'kr-ba-residency', kind: 'residency', min: 1800 },
    ],
  },
};

/** Three-year vocational associate diploma (高职专科), Chinese credits, pass mark 60. */
export const CN_VOCATIONAL_ASSOCIATE: Programme = {
  id: SEED_PROGRAMME_IDS.cnAssociate,
  version: 1,
  institutionId: I.cnZjPolytechnic,
  partnerInstitutionIds: [I.cnZjOpenUniversity],
  name: { en: 'Associate Diploma in Software Technology', zh: '软件技术专业（高职专科）' },
  qualificationType: 'associate',
  level: 5,
  creditSystem: 'CN',
  timeLimitYears: 6,
  effectiveFrom: '2019-09-01',
  requirements: {
    id: 'cn-sw',
    kind: 'allOf',
    label: { en: 'Associate Diploma in Software Technology', zh: '软件技术专业专科' },
    children: [
      { id: 'cn-sw-pass-mark', kind: 'minGrade', score: 60 },
      { id: 'cn-sw-total', kind: 'totalCredits', min: 12000 },
      { id: 'cn-sw-major', kind: 'categoryCredits', categories: ['major'], min: 4500 },
      { id: 'cn-sw-general', kind: 'categoryCredits', categories: ['general'], min: 1500 },
      {
        id: 'cn-sw-required',
        kind: 'courses',
        mode: 'allOf',
        courses: [C.cnIdeology, C.cnMath, C.cnProgramming],
        label: { en: 'Required courses', zh: '必修课程' },
      },
      {
        id: 'cn-sw-practice',
        kind: 'courses',
        mode: 'anyOf',
        courses: [C.cnInternship, C.cnCapstone],
        label: { en: 'Internship or capstone project', zh: '顶岗实习或毕业设计' },
      },
      { id: 'cn-sw-residency', kind: 'residency', min: 3000 },
    ],
  },
};

/** ECTS bachelor's: 180 ECTS, major and general minimums, required courses, thesis or project, GPA ≥ 2.0 of 4. */
export const ECTS_BACHELOR: Programme = {
  id: SEED_PROGRAMME_IDS.ectsBachelor,
  version: 1,
  institutionId: I.euOpenUniversity,
  partnerInstitutionIds: [I.euPartnerCollege],
  name: { en: 'BSc Computing', zh: '计算机学士（ECTS）' },
  qualificationType: 'bachelor',
  level: 6,
  creditSystem: 'ECTS',
  timeLimitYears: 10,
  effectiveFrom: '2021-09-01',
  requirements: {
    id: 'eu-bsc',
    kind: 'allOf',
    label: { en: 'BSc Computing', zh: '计算机学士' },
    children: [
      { id: 'eu-bsc-total', kind: 'totalCredits', min: 18000 },
      { id: 'eu-bsc-major', kind: 'categoryCredits', categories: ['major'], min: 12000 },
      {
        id: 'eu-bsc-advanced',
        kind: 'categoryCredits',
        categories: ['major'],
        minLevel: 3,
        min: 3000,
        overlay: true,
        label: { en: 'Advanced major credits (level 3)', zh: '高阶专业学分（3 级）' },
      },
      { id: 'eu-bsc-general', kind: 'categoryCredits', categories: ['general'], min: 2000 },
      {
        id: 'eu-bsc-core',
        kind: 'courses',
        mode: 'allOf',
        courses: [C.euIntroProgramming, C.euAlgorithms],
      },
      { id: 'eu-bsc-final', kind: 'courses', mode: 'anyOf', courses: [C.euThesis, C.euProject] },
      { id: 'eu-bsc-residency', kind: 'residency', min: 6000 },
      { id: 'eu-bsc-gpa', kind: 'minGpa', min: 2 },
    ],
  },
};

export const SEED_PROGRAMMES: readonly Programme[] = [
  KR_CB_BACHELOR,
  CN_VOCATIONAL_ASSOCIATE,
  ECTS_BACHELOR,
];
