import type { CDPSession, Page } from 'playwright-core';

/** Roles a person operates: each needs a name a screen reader can say. */
const CONTROL_ROLES = new Set([
  'button',
  'link',
  'textbox',
  'searchbox',
  'combobox',
  'listbox',
  'checkbox',
  'radio',
  'switch',
  'slider',
  'spinbutton',
  'menuitem',
  'tab',
  'date',
  'DateTime',
  'InputTime',
]);

interface AXNode {
  nodeId: string;
  ignored: boolean;
  role?: { value: string };
  name?: { value: string };
  backendDOMNodeId?: number;
  parentId?: string;
}

const sessions = new WeakMap<Page, CDPSession>();

async function cdp(page: Page): Promise<CDPSession> {
  let session = sessions.get(page);
  if (!session) {
    session = await page.context().newCDPSession(page);
    await session.send('DOM.enable');
    await session.send('Accessibility.enable');
    sessions.set(page, session);
  }
  return session;
}

/**
 * The controls of the page (buttons, links, inputs, selects, text areas...) that Chromium's
 * accessibility tree exposes without a name: what a screen reader would announce as just
 * "button" or "edit text". Hidden elements are not in the tree. Each entry describes the element.
 */
export async function unnamedControls(page: Page): Promise<string[]> {
  const session = await cdp(page);
  await session.send('DOM.getDocument', { depth: 0 });
  const { nodes } = (await session.send('Accessibility.getFullAXTree')) as unknown as { nodes: AXNode[] };
  const byId = new Map(nodes.map((node) => [node.nodeId, node]));
  const unnamed: string[] = [];
  for (const node of nodes) {
    if (node.ignored || !node.role || !CONTROL_ROLES.has(node.role.value)) continue;
    if ((node.name?.value ?? '').trim() !== '') continue;
    // The inner parts of a native date or time input belong to the (named) input itself.
    const parentRole = node.parentId ? byId.get(node.parentId)?.role?.value : undefined;
    if (
      node.role.value === 'spinbutton' &&
      parentRole &&
      ['date', 'DateTime', 'InputTime', 'group'].includes(parentRole)
    )
      continue;
    unnamed.push(`${node.role.value}: ${await describe(session, node.backendDOMNodeId)}`);
  }
  return unnamed;
}

async function describe(session: CDPSession, backendNodeId: number | undefined): Promise<string> {
  if (backendNodeId === undefined) return '(no DOM node)';
  try {
    const { object } = await session.send('DOM.resolveNode', { backendNodeId });
    if (!object.objectId) return '(unresolved)';
    const { result } = await session.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      functionDeclaration:
        'function () { const el = this.nodeType === 1 ? this : this.parentElement; const html = el.outerHTML.replace(/\\s+/g, " "); return html.length > 220 ? html.slice(0, 220) + "…" : html; }',
      returnByValue: true,
    });
    return String(result.value);
  } catch {
    return `(node ${backendNodeId})`;
  }
}

/** How far the page itself scrolls sideways (0 when it fits), and what sticks out. */
export async function horizontalOverflow(page: Page): Promise<{ overflow: number; culprits: string[] }> {
  return page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    const overflow = root.scrollWidth - window.innerWidth;
    const culprits: string[] = [];
    if (overflow > 0) {
      for (const element of Array.from(document.querySelectorAll('body *'))) {
        const rect = element.getBoundingClientRect();
        if (rect.right <= window.innerWidth + 1 || culprits.length >= 5) continue;
        // In flow inside a container that scrolls or clips sideways: that container holds it.
        const position = getComputedStyle(element).position;
        let clipped = false;
        for (let parent = element.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
          if (getComputedStyle(parent).overflowX !== 'visible' && (position === 'static' || position === 'relative')) {
            clipped = true;
            break;
          }
        }
        if (!clipped) {
          const classes = typeof element.className === 'string' ? element.className : '';
          culprits.push(
            `<${element.tagName.toLowerCase()} class="${classes}"> right=${Math.round(rect.right)} (${getComputedStyle(element).position}) "${(element.textContent ?? '').trim().slice(0, 40)}"`,
          );
        }
      }
    }
    return { overflow, culprits };
  });
}
