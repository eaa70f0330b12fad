import type { Migration, MigrationProvider } from 'kysely';
import * as createFoundation from './20261126T1700-create-foundation';
import * as indexEnterpriseChainListing from './20261126T1745-index-enterprise-chain-listing';
import * as createStatistics from './20261126T1930-create-statistics';
import * as createTargets from './20261126T1940-create-targets';
import * as createNotifications from './20261126T1950-create-notifications';
import * as createStatRollup from './20261126T2000-create-stat-rollup';
import * as createLand from './20261126T2100-create-land';
import * as createStandardFactory from './20261126T2130-create-standard-factory';
import * as parcelGovernmentDelay from './20261126T2200-parcel-government-delay';
import * as createIdleCase from './20261126T2230-create-idle-case';
import * as createDisposalCase from './20261126T2330-create-disposal-case';
import * as standardFactoryLocation from './20261126T2340-standard-factory-location';
import * as createEvaluationRun from './20261126T2350-create-evaluation-run';
import * as evaluationReview from './20261127T0110-evaluation-review';
import * as createMapLayer from './20261126T2320-create-map-layer';
import * as createEvaluationScheme from './20261127T0100-create-evaluation-scheme';
import * as evaluationRunBasis from './20261127T0300-evaluation-run-basis';
import * as evaluationResultEnterpriseUnchecked from './20261127T0310-evaluation-result-enterprise-unchecked';
import * as createChangeCounter from './20261127T0330-create-change-counter';

// Migrations are listed here rather than read from disk so the bundled server carries them.
const migrations: Record<string, Migration> = {
  '20261126T1700-create-foundation': createFoundation,
  '20261126T1745-index-enterprise-chain-listing': indexEnterpriseChainListing,
  '20261126T1930-create-statistics': createStatistics,
  '20261126T1940-create-targets': createTargets,
  '20261126T1950-create-notifications': createNotifications,
  '20261126T2000-create-stat-rollup': createStatRollup,
  '20261126T2100-create-land': createLand,
  '20261126T2130-create-standard-factory': createStandardFactory,
  '20261126T2200-parcel-government-delay': parcelGovernmentDelay,
  '20261126T2230-create-idle-case': createIdleCase,
  '20261126T2330-create-disposal-case': createDisposalCase,
  '20261126T2340-standard-factory-location': standardFactoryLocation,
  '20261126T2350-create-evaluation-run': createEvaluationRun,
  '20261127T0110-evaluation-review': evaluationReview,
  '20261126T2320-create-map-layer': createMapLayer,
  '20261127T0100-create-evaluation-scheme': createEvaluationScheme,
  '20261127T0300-evaluation-run-basis': evaluationRunBasis,
  '20261127T0310-evaluation-result-enterprise-unchecked': evaluationResultEnterpriseUnchecked,
  '20261127T0330-create-change-counter': createChangeCounter,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
