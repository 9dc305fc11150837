import type { AppDeps } from '../../platform/deps.js';
import type { AccountStatusService } from '../accounts/account-status.service.js';
import type { AvailabilityService } from '../availability/availability.service.js';
import type { CatalogService } from '../catalog/catalog.service.js';

export class InstructorsService {
  constructor(
    private readonly deps: AppDeps,
    private readonly catalog: CatalogService,
    private readonly availability: AvailabilityService,
    private readonly accountStatus: AccountStatusService,
  ) {}
}
