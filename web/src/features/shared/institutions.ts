// The registry of institutions (public), loaded once per page and looked up by id.
import { useMemo } from 'react';
import { graphql } from '../../gql/index.ts';
import { useQuery } from '../../lib/use-query.ts';

const InstitutionsQuery = graphql(`
  query Institutions {
    institutions {
      id
      slug
      name {
        zh
        en
      }
      type
      region
      status
      accreditation {
        qualificationType
        levels
      }
    }
  }
`);

export type InstitutionInfo = ReturnType<typeof useInstitutions>['list'][number];

export function useInstitutions() {
  const q = useQuery(InstitutionsQuery, {});
  const list = q.data?.institutions ?? [];
  const byId = useMemo(() => new Map(list.map((i) => [i.id, i])), [list]);
  return { list, byId, loading: q.loading, error: q.error };
}
