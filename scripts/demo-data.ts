// Demo data: a few institutions, courses and learners with realistic records, for a first look.
import { SYSTEM } from '../ledger/access.ts';
import type { AchievementInput } from '../ledger/achievement-input.ts';
import type { Services } from '../api/services.ts';

export const DEMO_PASSWORD = 'demo-password-2026';
export const DEMO_OPERATOR = 'operator@creditbank.example';

const INSTITUTIONS = [
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
] as const;

const LEARNERS = [
  { nationalId: '330106199901011234', name: '李明', email: 'li.ming@learner.example' },
  { nationalId: '330102200003152345', name: '王芳', email: 'wang.fang@learner.example' },
  { nationalId: '330205198807203456', name: 'Chen Wei', email: 'chen.wei@learner.example' },
] as const;

/** Creates the demo data once: does nothing when any institution exists. */
export async function seedIfEmpty(s: Services, print: (line: string) => void): Promise<boolean> {
  if ((await s.institutions.list()).length > 0) return false;
  await seedDemo(s, print);
  return true;
}

export async function seedDemo(s: Services, print: (line: string) => void): Promise<void> {
  if ((await s.accounts.operatorCount()) === 0) {
    await s.accounts.createOperator(SYSTEM, {
      email: DEMO_OPERATOR,
      name: '学分银行管理中心',
      password: DEMO_PASSWORD,
    });
  }
  const ids: Record<string, string> = {};
  for (const def of INSTITUTIONS) {
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
    if ((await s.accounts.listStaff(SYSTEM, inst.id)).length === 0) {
      await s.accounts.createStaff(SYSTEM, inst.id, {
        email: def.staff,
        name: `${def.name.en} registrar`,
        password: DEMO_PASSWORD,
      });
    }
    for (const c of def.courses) {
      await s.catalogue.define(SYSTEM, inst.id, { ...c, creditSystem: 'CN', learningOutcomes: [] });
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
  ]);
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
  ]);
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
  ]);
  await s.ledger.recordBatch(SYSTEM, ids['zj-mooc']!, [
    rec(li, 'MOOC-CERT-88213', {
      kind: 'mooc',
      courseCode: 'AI-INTRO',
      grade: { score: 95 },
      earnedAt: '2024-09-01',
    }),
  ]);
  print('');
  print('Demo data created. Sign in (password for every demo account: ' + DEMO_PASSWORD + '):');
  print(`  operator  ${DEMO_OPERATOR}`);
  for (const def of INSTITUTIONS) print(`  staff     ${def.staff} (${def.name.en})`);
  for (const l of LEARNERS) print(`  learner   ${l.email} (${l.name})`);
  print('Get a token:');
  print(
    `  curl -s localhost:${s.config.port}/graphql -H 'content-type: application/json' -d '{"query":"mutation { login(email: \\"li.ming@learner.example\\", password: \\"${DEMO_PASSWORD}\\") { ... on LoginOk { token } ... on ResultError { message } } }"}'`,
  );
  print(
    `Then open http://localhost:${s.config.port}/graphql and send it as "Authorization: Bearer <token>".`,
  );
}
