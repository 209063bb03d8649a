// Which tests run. With no `.only` anywhere, every test not skipped or todo runs. With one, only
// `.only` tests and the tests inside `.only` describes run; a `.only` inside a `.only` describe
// narrows it further to the marked ones.
import type { SuiteNode, TestNode } from './collect.ts';
import { SetCtor, setAdd } from './intrinsics.ts';

export function selectTests(root: SuiteNode): Set<TestNode> {
  const selected = new SetCtor<TestNode>();
  visit(root, true, selected);
  return selected;
}

function visit(suite: SuiteNode, included: boolean, selected: Set<TestNode>): void {
  const restrict = hasOnlyBelow(suite);
  for (const child of suite.children) {
    if (child.mode === 'skip' || child.mode === 'todo') continue;
    const childIncluded = restrict ? child.mode === 'only' : included;
    if (child.kind === 'suite') visit(child, childIncluded, selected);
    else if (childIncluded) setAdd(selected as Set<unknown>, child);
  }
}

function hasOnlyBelow(suite: SuiteNode): boolean {
  for (const child of suite.children) {
    if (child.mode === 'skip' || child.mode === 'todo') continue;
    if (child.mode === 'only') return true;
    if (child.kind === 'suite' && hasOnlyBelow(child)) return true;
  }
  return false;
}
