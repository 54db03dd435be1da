// Object mothers for audit and recognition tests: fresh credit items and small programmes.
import type { CreditItem } from '../../../domain/recognition/credit-items.ts';
import type { Programme, RequirementNode } from '../../../domain/programmes/types.ts';

let seq = 0;

export function item(over: Partial<CreditItem> & { entryId: string }): CreditItem {
  seq += 1;
  return {
    seq,
    institutionId: 'uni-a',
    kind: 'course',
    category: 'major',
    credits: 300,
    creditSystem: 'KR_CB',
    earnedAt: '2021-04-01',
    grade: { score: 85, points: 3.5, passed: true },
    ...over,
  };
}

export function programme(children: RequirementNode[], over: Partial<Programme> = {}): Programme {
  return {
    id: 'p-test',
    version: 1,
    institutionId: 'home',
    partnerInstitutionIds: ['partner'],
    name: { en: 'Test programme', zh: '测试项目' },
    qualificationType: 'bachelor',
    level: 6,
    creditSystem: 'KR_CB',
    requirements: { id: 'root', kind: 'allOf', children },
    ...over,
  };
}
