import type { FragmentType } from '@apollo/client';
import { useFragment } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Badge } from '../../../components/ui/Badge';
import { Button } from '../../../components/ui/Button';
import { graphql } from '../../../gql';
import type { CandidateList_CandidateFragment as Candidate, DuplicateKind } from '../../../gql/graphql';
import { fragmentRows } from '../../../lib/apollo/fragmentRows';

export const CandidateListFragment = graphql(`
  fragment CandidateList_candidate on DuplicateCandidate {
    id
    score
    reasons
    companies {
      id
      name
      country
      city
      website
    }
    contacts {
      id
      fullName
      jobTitle
      email
      phone
      company {
        id
        name
      }
    }
  }
`);

interface Side {
  id: string;
  name: string;
  meta: string;
  /** The page that shows the record: the company (a contact's company). */
  href: string;
}

function sides(candidate: Candidate, kind: DuplicateKind, of: (company: string) => string): Side[] {
  if (kind === 'COMPANY') {
    return candidate.companies.map((company) => ({
      id: company.id,
      name: company.name,
      meta: [company.city, company.country, company.website].filter(Boolean).join(' · '),
      href: `/companies/${company.id}`,
    }));
  }
  return candidate.contacts.map((contact) => ({
    id: contact.id,
    name: contact.fullName,
    meta: [of(contact.company.name), contact.jobTitle, contact.email, contact.phone].filter(Boolean).join(' · '),
    href: `/companies/${contact.company.id}`,
  }));
}

/** The candidate pairs, likeliest first: both records, why they look alike, how likely, and Review. */
export function CandidateList({
  kind,
  candidates,
  onReview,
}: {
  kind: DuplicateKind;
  candidates: readonly FragmentType<typeof CandidateListFragment>[];
  onReview: (ids: string[]) => void;
}) {
  const { t } = useTranslation('merge');
  const { data } = useFragment({ fragment: CandidateListFragment, from: [...candidates] });
  return (
    <ul className="merge-candidates" aria-label={t('page.listLabel')}>
      {fragmentRows<Candidate>(data).map((candidate) => {
        const pair = sides(candidate, kind, (company) => t('page.of', { company }));
        return (
          <li key={candidate.id} className="merge-candidate">
            <div className="merge-candidate__records">
              {pair.map((side) => (
                <div key={side.id} className="merge-candidate__record">
                  <Link to={side.href} className="merge-candidate__name">
                    {side.name}
                  </Link>
                  {side.meta && <span className="merge-candidate__meta">{side.meta}</span>}
                </div>
              ))}
            </div>
            <div className="merge-candidate__why">
              <span className="merge-candidate__score">{t('page.score', { score: candidate.score })}</span>
              <ul className="merge-candidate__reasons" aria-label={t('page.reasonsLabel')}>
                {candidate.reasons.map((reason) => (
                  <li key={reason}>
                    <Badge tone="info">{t(`reasons.${reason}`)}</Badge>
                  </li>
                ))}
              </ul>
            </div>
            <Button
              variant="secondary"
              className="merge-candidate__review"
              aria-label={t('page.reviewPair', { a: pair[0]?.name ?? '', b: pair[1]?.name ?? '' })}
              onClick={() => onReview(pair.map((side) => side.id))}
            >
              {t('page.review')}
            </Button>
          </li>
        );
      })}
    </ul>
  );
}
