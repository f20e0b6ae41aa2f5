import { prepareTemplates } from './support/db';

export default async function setup(): Promise<void> {
  await prepareTemplates();
}
