import type { KfpListOptions } from '../paging.js';

/** The type of one item of a list page, read from the page's `Key` array (`runs`, `recurringRuns`, ...). */
export type KfpListItem<Page, Key extends string> = Page extends { [K in Key]?: (infer Item)[] }
  ? Item
  : never;

/** The paging fields of every list helper's options, the same in both API versions. */
export type KfpPagingOptions = Pick<KfpListOptions, 'pageSize' | 'limit' | 'signal'>;
