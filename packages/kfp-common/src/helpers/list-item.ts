/** The type of one item of a list page, read from the page's `Key` array (`runs`, `recurringRuns`, ...). */
export type KfpListItem<Page, Key extends string> = Page extends { [K in Key]?: (infer Item)[] }
  ? Item
  : never;
