/**
 * The sample of objects fetched again at their own URL. A list page or an embedding object
 * already gave most objects whole, and checks judge them there; only what needs the object's
 * own answer (its id against its URL, the internal copy against the object, twins) asks for a
 * fetch. Of the objects bodies gave, `size` per group (OParl: per type) are fetched: spread
 * evenly over the group's URLs in sorted order, so that the same server gives the same sample
 * whatever order its answers arrived in. An object no body gave is always fetched: only its
 * own URL can show it.
 */
import type { Pending } from './frontier.js';
import { byUrl } from './recorder.js';
import type { CrawlBudget, CrawlRecord } from './types.js';


/** `count` of `items`, evenly spaced, the first included. */
function spread<T>(items: readonly T[], count: number): T[] {
  if (count >= items.length) return [...items];
  return Array.from({ length: count }, (_, index) => items[Math.floor((index * items.length) / count)] as T);
}

export class Sample {
  /** The group of every object a body gave, by its normalised URL. */
  private readonly given = new Map<string, string>();
  private readonly fetched = new Map<string, number>();

  constructor(private readonly size: CrawlBudget['sample']) {}

  /** An object a body gave, with a URL of its own. */
  give(url: string, group: string): void {
    if (!this.given.has(url)) this.given.set(url, group);
  }

  /** Of the object links waiting, those to fetch: every one no body gave, and the sample of the rest. */
  choose(waiting: readonly Pending[]): Pending[] {
    const chosen: Pending[] = [];
    const groups = new Map<string, Pending[]>();
    for (const item of waiting) {
      const group = this.given.get(item.url);
      if (group === undefined) chosen.push(item);
      else if (groups.has(group)) groups.get(group)?.push(item);
      else groups.set(group, [item]);
    }
    for (const [group, items] of groups) {
      const sofar = this.fetched.get(group) ?? 0;
      const quota = this.size === 'all' ? items.length : Math.max(0, this.size - sofar);
      const picked = spread(byUrl(items), quota);
      this.fetched.set(group, sofar + picked.length);
      chosen.push(...picked);
    }
    return chosen;
  }

  /** Per group: the objects bodies gave, and how many of them were fetched (`requested` holds the URLs asked for). */
  summary(requested: ReadonlySet<string>): CrawlRecord['sampled'] {
    const groups = new Map<string, { group: string; given: number; fetched: number }>();
    for (const [url, group] of this.given) {
      let entry = groups.get(group);
      if (!entry) groups.set(group, (entry = { group, given: 0, fetched: 0 }));
      entry.given += 1;
      if (requested.has(url)) entry.fetched += 1;
    }
    return [...groups.values()].sort((a, b) => (a.group < b.group ? -1 : a.group > b.group ? 1 : 0));
  }
}
