import { useQuery } from '@tanstack/react-query';
import { Search } from 'lucide-react';
import { Link, useParams } from 'react-router';
import { api, isNotFound } from '../../api/client';
import type { CatalogService } from '../../api/contracts';
import { ButtonLink } from '../../components/button';
import { NotFoundState } from '../../components/not-allowed';
import { useOwnTitle } from '../../components/page-title';
import { ErrorState, Loading } from '../../components/states';
import { formatMoney } from '../../lib/format';
import { formatDuration } from '../../lib/time';
import { serviceSearchUrl } from './catalog-queries';

/** One catalog service: what it is, who teaches it from what rate, and the way to their times. */
export default function ServicePage() {
  const { slug = '' } = useParams();
  const service = useQuery({
    queryKey: ['catalog', 'service', slug],
    queryFn: () => api<CatalogService>(`/catalog/services/${encodeURIComponent(slug)}`),
    staleTime: 10 * 60_000,
  });
  useOwnTitle(service.data && `${service.data.name} lessons`, 'Service');
  if (service.isPending) return <Loading rows={3} />;
  if (isNotFound(service.error))
    return <NotFoundState title="Service not found" backTo="/services" backLabel="All services" />;
  if (service.isError) return <ErrorState error={service.error} retry={() => void service.refetch()} />;
  const s = service.data;
  return (
    <article className="max-w-3xl space-y-5">
      <nav aria-label="Breadcrumb" className="text-sm text-slate-600">
        <Link to={`/services#${s.categorySlug}`} className="text-indigo-700 hover:underline">
          All services
        </Link>
      </nav>
      <h1 className="text-3xl font-bold">{s.name} lessons</h1>
      <p className="text-slate-700">{s.description}</p>
      <ul className="flex flex-wrap gap-x-6 gap-y-1 text-sm text-slate-600">
        <li>
          {s.instructorCount > 0
            ? `${s.instructorCount} ${s.instructorCount === 1 ? 'instructor' : 'instructors'}`
            : 'No instructors yet'}
        </li>
        {s.minRateCents !== null && (
          <li>
            {s.maxRateCents !== null && s.maxRateCents !== s.minRateCents
              ? `${formatMoney(s.minRateCents)}–${formatMoney(s.maxRateCents)} an hour`
              : `${formatMoney(s.minRateCents)} an hour`}
          </li>
        )}
        {s.typicalDurations.length > 0 && (
          <li>Lessons of {s.typicalDurations.map(formatDuration).join(', ')}</li>
        )}
        {s.onlineCapable && <li>Online or in person</li>}
      </ul>
      {s.instructorCount > 0 && (
        <ButtonLink to={serviceSearchUrl(s.name)}>
          <Search className="size-4" aria-hidden /> See {s.name} instructors and open times
        </ButtonLink>
      )}
    </article>
  );
}
