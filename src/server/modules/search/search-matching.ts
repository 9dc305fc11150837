import type { AppDeps } from '../../platform/deps.js';
import type { CatalogService } from '../catalog/catalog.service.js';
import { CONSTRAINT_WORDS } from './query/parse-query.js';
import { ServiceMatcher } from './matcher/service-matcher.js';
import type { SemanticMatcher } from './matcher/service-matcher.js';
import { foldText } from './matcher/text-normal.js';

type CatalogServices = Awaited<ReturnType<CatalogService['snapshot']>>['services'];

/** Builds the semantic fallback from the catalog, when word vectors are available. */
export type SemanticFactory = (services: CatalogServices) => SemanticMatcher | null;

/**
 * The matcher over the current catalog, rebuilt when the catalog snapshot changes, and the
 * catalog phrases the parser must keep whole ("kids swimming", "sat prep").
 */
export class SearchMatching {
  private current?: { snapshot: unknown; matcher: ServiceMatcher; protectedPhrases: string[] };

  constructor(
    private readonly deps: Pick<AppDeps, 'log'>,
    private readonly catalog: CatalogService,
    private readonly semantic: SemanticFactory = () => null,
  ) {}

  async get(): Promise<{ matcher: ServiceMatcher; protectedPhrases: string[] }> {
    const snapshot = await this.catalog.snapshot();
    if (this.current?.snapshot !== snapshot) {
      const services = snapshot.services;
      const phrases = services.flatMap((s) => [s.name, ...s.searchTerms]).map(foldText);
      this.current = {
        snapshot,
        matcher: new ServiceMatcher(services, this.semantic(services)),
        protectedPhrases: [
          ...new Set(
            phrases.filter((p) => p.includes(' ') && p.split(' ').some((w) => CONSTRAINT_WORDS.has(w))),
          ),
        ],
      };
    }
    return this.current;
  }
}
