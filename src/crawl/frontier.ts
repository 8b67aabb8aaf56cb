/**
 * The URLs waiting to be fetched. Next pages of lists go first (each one unlocks the rest of
 * its list), then the shallowest URL known longest: breadth first, so a budget that runs out
 * leaves the deepest parts of the API untested rather than whole object types.
 */
import type { CrawledList, LinkSource } from './types.js';

export interface Pending {
  url: string;
  depth: number;
  via?: LinkSource;
  /** Set for a next page: the list it continues. */
  list?: CrawledList;
}

/** A FIFO queue that does not shift its array on every take. */
class Queue {
  private items: Pending[] = [];
  private head = 0;

  get size(): number {
    return this.items.length - this.head;
  }

  push(item: Pending): void {
    this.items.push(item);
  }

  take(): Pending | undefined {
    if (this.head === this.items.length) return undefined;
    const item = this.items[this.head++];
    if (this.head === this.items.length) {
      this.items = [];
      this.head = 0;
    }
    return item;
  }
}

export class Frontier {
  private readonly pages = new Queue();
  private readonly byDepth: Queue[] = [];

  get size(): number {
    return this.byDepth.reduce((sum, queue) => sum + queue.size, this.pages.size);
  }

  push(item: Pending): void {
    if (item.list) return this.pages.push(item);
    (this.byDepth[item.depth] ??= new Queue()).push(item);
  }

  take(): Pending | undefined {
    if (this.pages.size > 0) return this.pages.take();
    for (const queue of this.byDepth) {
      if (queue?.size) return queue.take();
    }
    return undefined;
  }

  /** Empties the frontier, handing back what was waiting. */
  drain(): Pending[] {
    const drained: Pending[] = [];
    for (let item = this.take(); item; item = this.take()) drained.push(item);
    return drained;
  }
}
