// What both KFP packages take from @ml-platform/kfp-common.
import { KfpError } from '@ml-platform/kfp-common';
import { KfpError as KfpV1Error, kfpFilter as kfpV1Filter } from '@ml-platform/kfp-v1';
import { KfpError as KfpV2Error, kfpFilter as kfpV2Filter } from '@ml-platform/kfp-v2';
import { describe, expect, it } from 'vitest';

describe('@ml-platform/kfp-common', () => {
  it('is where both KFP packages get KfpError from', () => {
    expect(KfpV1Error).toBe(KfpError);
    expect(KfpV2Error).toBe(KfpError);
  });

  it('builds each API version its own filter spelling', () => {
    expect(kfpV1Filter().equals('name', 'a').toJSON()).toEqual({
      predicates: [{ op: 'EQUALS', key: 'name', string_value: 'a' }],
    });
    expect(kfpV2Filter().equals('display_name', 'a').toJSON()).toEqual({
      predicates: [{ operation: 'EQUALS', key: 'display_name', string_value: 'a' }],
    });
  });
});
