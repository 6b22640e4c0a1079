import type { PageApi } from '../types';
import { cloudApi } from './api-cloud';
import { dataCenterApi } from './api-data-center';
import { isCloud } from './edition';

/** Cloud and Data Center speak different REST APIs; the page's address tells which one this is. */
const current = (): PageApi => (isCloud(new URL(location.href)) ? cloudApi : dataCenterApi);

export const confluenceApi: PageApi = {
  reply: (post, text) => current().reply(post, text),
  createPost: (text, target) => current().createPost(text, target),
  findOwnWrite: (post, text, since, target) => current().findOwnWrite(post, text, since, target),
  // Only Cloud is searched for thanks received so far; Data Center finds none.
  repliesToMe: async () => (await current().repliesToMe?.()) ?? [],
};
