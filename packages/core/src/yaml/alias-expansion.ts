// js-yaml and the `yaml` package both resolve an alias to the very object its anchor built, so
// parsing a "billion laughs" text is cheap; the cost comes later, when the value is walked,
// cloned or serialized (JSON.stringify of a 1.2 kB pipeline made a 13 MB request). This walks a
// parsed document once, in document order, and adds up what every alias would expand to were the
// value written out in full, so a caller can refuse it before anything walks the value.
import { type Document, isAlias, isCollection, isPair, isScalar, type Node } from 'yaml';

/** What a node would become, written out in full. */
interface Expansion {
  nodes: number;
  bytes: number;
}

/** Why a document's aliases are refused. */
export type AliasExcess = 'nodes' | 'bytes' | 'cycle' | 'unknown-anchor';

export interface AliasBudget {
  maxAliasNodes: number;
  maxExpandedBytes: number;
}

class AliasLimitReached extends Error {
  constructor(readonly excess: AliasExcess) {
    super(excess);
  }
}

function scalarBytes(value: unknown): number {
  return typeof value === 'string' ? value.length : String(value).length;
}

/**
 * A meter shared by the documents of one text: `check(document)` is `undefined` while the aliases
 * of the documents checked so far stay within `budget`, else why they do not. Linear in the size
 * of each document's tree as parsed (each node is measured once).
 */
export function createAliasMeter(budget: AliasBudget): (document: Document) => AliasExcess | undefined {
  let aliasNodes = 0;
  let aliasBytes = 0;
  return (document) => {
    // Anchors are scoped to their document.
    const anchors = new Map<string, Node>();
    const measured = new Map<Node, Expansion>();
    const open = new Set<Node>();

    const measure = (node: unknown): Expansion => {
      if (isAlias(node)) {
        const target = anchors.get(node.source);
        if (!target) throw new AliasLimitReached('unknown-anchor');
        // An alias inside the node its anchor names: a value that contains itself.
        if (open.has(target)) throw new AliasLimitReached('cycle');
        const size = measured.get(target) ?? { nodes: 0, bytes: 0 };
        aliasNodes += size.nodes;
        aliasBytes += size.bytes;
        if (aliasNodes > budget.maxAliasNodes) throw new AliasLimitReached('nodes');
        if (aliasBytes > budget.maxExpandedBytes) throw new AliasLimitReached('bytes');
        return size;
      }
      if (isScalar(node)) {
        if (node.anchor) anchors.set(node.anchor, node);
        const size = { nodes: 1, bytes: scalarBytes(node.value) };
        measured.set(node, size);
        return size;
      }
      if (isCollection(node)) {
        if (node.anchor) anchors.set(node.anchor, node);
        open.add(node);
        const size = { nodes: 1, bytes: 0 };
        for (const item of node.items) {
          const parts = isPair(item) ? [item.key, item.value] : [item];
          for (const part of parts) {
            if (part === null || part === undefined) continue;
            const child = measure(part);
            size.nodes += child.nodes;
            size.bytes += child.bytes;
          }
        }
        open.delete(node);
        measured.set(node, size);
        return size;
      }
      return { nodes: 0, bytes: 0 };
    };

    try {
      measure(document.contents);
      return undefined;
    } catch (error) {
      if (error instanceof AliasLimitReached) return error.excess;
      throw error;
    }
  };
}
