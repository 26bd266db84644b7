// Small DOM helpers. Everything the API returns is put in the page as text nodes, never as HTML: a job title or a
// resume line is data, and treating it as markup would let a scraped page inject script here.

import { ApiError } from './api.js';

/** h('li', {class: 'card', dataset: {id}}, 'text', otherNode) → element. Attributes starting with "on" are listeners. */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'dataset') Object.assign(element.dataset, value);
    else if (name.startsWith('on')) element.addEventListener(name.slice(2).toLowerCase(), value);
    else if (name === 'class') element.className = value;
    else if (name in element && typeof value !== 'string') element[name] = value;
    else element.setAttribute(name, value === true ? '' : value);
  }
  element.append(...children.flat().filter((c) => c !== undefined && c !== null && c !== false));
  return element;
}

export const $ = (selector, root = document) => root.querySelector(selector);

/**
 * Shows an error in `target` (an element with role="alert"): a problem document as its title, detail and
 * field errors; anything else as its message.
 */
export function showError(target, error) {
  target.replaceChildren();
  if (!error) {
    target.hidden = true;
    return;
  }
  target.hidden = false;
  if (error instanceof ApiError) {
    const { title, detail, errors = [] } = error.problem;
    target.append(h('p', {}, h('strong', {}, title || `HTTP ${error.status}`), detail ? `: ${detail}` : ''));
    if (errors.length > 0) {
      target.append(h('ul', {}, errors.map((e) => h('li', {}, h('code', {}, e.field), ` ${e.message}`))));
    }
  } else {
    target.append(h('p', {}, error.message || String(error)));
  }
}

/** Runs `work` with `button` disabled and errors shown in `errorTarget`. */
export async function busy(button, errorTarget, work) {
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  showError(errorTarget, null);
  try {
    return await work();
  } catch (error) {
    showError(errorTarget, error);
    return undefined;
  } finally {
    button.disabled = false;
    button.removeAttribute('aria-busy');
  }
}

export function formatDate(iso) {
  return iso ? new Date(iso).toLocaleString() : '';
}
