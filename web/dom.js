// Building DOM without markup. Every text, and above all every text that comes from a rules file,
// becomes a Text node: nothing here (nor anywhere in the widget) assigns innerHTML, outerHTML or
// insertAdjacentHTML, so a rules text such as `<img src=x onerror=…>` is shown as those characters.
//
//   h('p', { class: 'ce-note', id: 'x' }, 'Some text', h('strong', null, '20 USD'))
//
// Props: `class` (string or array, falsy entries dropped), `on` ({ event: handler }), `dataset`,
// properties that must be set as properties (`checked`, `value`, `disabled`, `hidden`, `selected`,
// `indeterminate`), and everything else as attributes (aria-*, part, id, type, for, …). A prop
// whose value is null, undefined or false is left out.

const PROPERTIES = new Set(['checked', 'value', 'disabled', 'hidden', 'selected', 'indeterminate']);

export function h(tag, props, ...children) {
  const el = document.createElement(tag);
  if (props) {
    for (const [key, value] of Object.entries(props)) {
      if (value === null || value === undefined || value === false) continue;
      if (key === 'class') {
        const names = (Array.isArray(value) ? value : [value]).filter(Boolean);
        if (names.length) el.className = names.join(' ');
      } else if (key === 'on') {
        for (const [event, handler] of Object.entries(value)) el.addEventListener(event, handler);
      } else if (key === 'dataset') {
        for (const [k, v] of Object.entries(value)) el.dataset[k] = String(v);
      } else if (PROPERTIES.has(key)) {
        el[key] = value;
      } else {
        el.setAttribute(key, value === true ? '' : String(value));
      }
    }
  }
  append(el, children);
  return el;
}

/** Appends children: strings and numbers as text, nodes as they are; arrays are flattened and
 * null, undefined and false are skipped. */
export function append(parent, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(parent, child);
    else if (child instanceof Node) parent.appendChild(child);
    else parent.appendChild(document.createTextNode(String(child)));
  }
  return parent;
}

/** Replaces every child of `parent`. */
export function replaceChildren(parent, ...children) {
  while (parent.firstChild) parent.removeChild(parent.firstChild);
  return append(parent, children);
}

/** Text for screen readers only. */
export function srOnly(text) {
  return h('span', { class: 'ce-visually-hidden' }, text);
}
