import { FeatureRoutes } from '../app/FeatureRoutes';
import { CreditPage } from './CreditPage';
import { FundPage } from './FundPage';
import { FundsPage } from './FundsPage';

/** The pages of 村级互助资金 and 小额信贷与入股分红 under /mutual-aid (one entry in the app's routes). */
export function MutualAidRoutes() {
  return <FeatureRoutes home={<FundsPage />} pages={{ 'funds/:id': <FundPage />, credit: <CreditPage /> }} />;
}
