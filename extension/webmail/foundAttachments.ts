// What one scan found so far, across selector layers: an element found by an earlier (more precise) layer, or inside or
// around one, is not found again by a later layer.
import type { SelectorLayer } from './webmailAdapter';

export interface FoundAttachment {
  element: HTMLElement;
  fileName: string;
  layer: SelectorLayer;
}

export class FoundAttachments {
  readonly all: FoundAttachment[] = [];

  has(element: Element): boolean {
    return this.all.some((f) => f.element === element || f.element.contains(element) || element.contains(f.element));
  }

  add(element: HTMLElement, fileName: string, layer: SelectorLayer): void {
    this.all.push({ element, fileName, layer });
  }
}
