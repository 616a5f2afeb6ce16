// The .proto comparison on small protos of our own: each kind of change it reports, with its
// class, and the changes it must not report (a field moved within the file, map entries).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compareProtoFiles } from '../lib/diff/compare-protos.mjs';

const work = mkdtempSync(join(tmpdir(), 'compare-protos-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let count = 0;

const BASE = `syntax = "proto3";
package demo;
import "google/rpc/status.proto";

// A task.
message Task {
  // Its name.
  string name = 1;
  int32 retries = 2;
  map<string, string> labels = 3;
  message Inner { bool on = 1; }
  Inner inner = 4;
  google.rpc.Status error = 5;
  enum Kind { KIND_UNSPECIFIED = 0; CONTAINER = 1; IMPORTER = 2; }
  Kind kind = 6;
}

message Old { string x = 1; }
`;

function compare(after: string, before = BASE) {
  const write = (text: string) => {
    const file = join(work, `v${++count}.proto`);
    writeFileSync(file, text);
    return file;
  };
  const { changes, highest } = compareProtoFiles(
    [{ file: write(before), name: 'demo.proto' }],
    [{ file: write(after), name: 'demo.proto' }],
  );
  return {
    highest,
    lines: changes.map((change) => `${change.class} ${change.group.name}: ${change.message}`),
  };
}

describe('compareProtoFiles', () => {
  it('finds nothing between identical files, nor when only declaration order changes', () => {
    expect(compare(BASE).lines).toEqual([]);
    const reordered = BASE.replace('message Old { string x = 1; }\n', '').replace(
      '// A task.',
      'message Old { string x = 1; }\n\n// A task.',
    );
    expect(compare(reordered)).toEqual({ highest: undefined, lines: [] });
  });

  it('reports removed and added messages, nested ones by their exported name', () => {
    const after = BASE.replace('message Old { string x = 1; }', 'message New { string y = 1; }').replace(
      'message Inner { bool on = 1; }\n  Inner inner = 4;',
      'message Inner2 { bool on = 1; }\n  Inner2 inner = 4;',
    );
    const { lines, highest } = compare(after);
    expect(lines).toEqual([
      'major Task: field `inner`: type changed from `Task_Inner` to `Task_Inner2`',
      'major Task_Inner: message `Task_Inner` removed',
      'major Old: message `Old` removed',
      'minor Task_Inner2: message `Task_Inner2` added',
      'minor New: message `New` added',
    ]);
    expect(highest).toBe('major');
  });

  it('tells a renamed field (same number and type) from a removed one', () => {
    expect(compare(BASE.replace('int32 retries = 2;', 'int32 max_retries = 2;')).lines).toEqual([
      'major Task: field `retries` renamed to `maxRetries` (same number and type): packages that spell the old name are now refused',
    ]);
    expect(compare(BASE.replace('int32 retries = 2;', 'string max_retries = 2;')).lines).toEqual([
      'major Task: field `retries`: removed',
      'minor Task: field `maxRetries`: added (optional)',
    ]);
  });

  it('reports type changes of scalars, lists and maps', () => {
    const after = BASE.replace('int32 retries = 2;', 'int64 retries = 2;')
      .replace('map<string, string> labels = 3;', 'map<string, int32> labels = 3;')
      .replace('string name = 1;', 'repeated string name = 1;');
    expect(compare(after).lines).toEqual([
      'major Task: field `name`: type changed from `string` to `string[]`',
      'major Task: field `retries`: type changed from `int32` to `int64`',
      'major Task: field `labels`: type changed from `map<string, string>` to `map<string, int32>`',
    ]);
  });

  it('reports enum values removed and added', () => {
    const after = BASE.replace('IMPORTER = 2;', 'RESOLVER = 3;');
    expect(compare(after).lines).toEqual([
      'major Task_Kind: value `IMPORTER` removed',
      'minor Task_Kind: value `RESOLVER` added',
    ]);
  });

  it('reports deprecations (minor) and doc comments (patch)', () => {
    const after = BASE.replace('int32 retries = 2;', 'int32 retries = 2 [deprecated = true];')
      .replace('// Its name.', '// Its unique name.')
      .replace('// A task.', '// A task of a pipeline.');
    expect(compare(after)).toEqual({
      highest: 'minor',
      lines: [
        'patch Task: field `name`: description changed',
        'minor Task: field `retries`: deprecated',
        'patch Task: message `Task`: description changed',
      ],
    });
  });

  it('fails clearly on a file buf cannot build', () => {
    expect(() => compare('syntax = "proto3";\nmessage {')).toThrow(/demo\.proto/);
  });
});
