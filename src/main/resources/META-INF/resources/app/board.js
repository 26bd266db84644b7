// The applications as a board: one column per status.
//
// Contract: GET /api/v1/applications?size=100&sort=updated_at answers {items, …}; each item has `status` and
// `next_statuses` (the moves the server allows from there). POST /api/v1/applications/{id}/status with
// {status, note?, at?} moves it: 200 with the application, or 409 problem+json when the transition table
// (README, "Application statuses") does not allow the move. The client does not decide what is legal: it shows
// the allowed moves as hints, sends what the user asks for, and puts the card back when the server refuses.

import { api } from './api.js';
import { $, h, showError } from './dom.js';

export const STATUSES = ['saved', 'pending', 'in_progress', 'failed', 'applied', 'screening', 'interviewing',
  'offered', 'accepted', 'rejected', 'withdrawn'];

const label = (status) => status.replace('_', ' ');

export class Board {
  constructor(root, { problem, status }) {
    this.root = root;
    this.problem = problem; // role="alert": refusals and errors
    this.status = status;   // role="status": what just happened
    this.applications = new Map();
    this.columns = new Map();
    this.build();
  }

  build() {
    for (const status of STATUSES) {
      const list = h('ol', { class: 'cards', 'aria-label': `${label(status)} applications` });
      const column = h('section', { class: 'column', dataset: { status }, 'aria-labelledby': `col-${status}` },
        h('h3', { id: `col-${status}` }, label(status), ' ', h('span', { class: 'count' }, '0')), list);
      // A column is a drop target: dragover must be cancelled for drop to fire.
      column.addEventListener('dragover', (event) => {
        if (!event.dataTransfer.types.includes('application/x-atspro-application')) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'move';
        column.classList.add('over');
      });
      column.addEventListener('dragleave', () => column.classList.remove('over'));
      column.addEventListener('drop', (event) => {
        event.preventDefault();
        column.classList.remove('over');
        const id = event.dataTransfer.getData('application/x-atspro-application');
        if (id) this.move(id, status);
      });
      this.columns.set(status, list);
      this.root.append(column);
    }
  }

  async load() {
    const page = await api('/applications?size=100&sort=updated_at&order=desc');
    this.applications.clear();
    for (const list of this.columns.values()) list.replaceChildren();
    for (const application of page.items) this.put(application);
    this.counts();
  }

  /** Adds or replaces the card of `application` in its status's column. */
  put(application) {
    this.applications.set(application.id, application);
    this.root.querySelector(`[data-id="${application.id}"]`)?.remove();
    this.columns.get(application.status)?.prepend(this.card(application));
    this.counts();
  }

  counts() {
    for (const [status, list] of this.columns) {
      list.closest('.column').querySelector('.count').textContent = String(list.children.length);
    }
  }

  card(application) {
    const allowed = new Set(application.next_statuses);
    // The keyboard (and screen reader) way to move a card: a select of every other status, the allowed ones first.
    const select = h('select', { class: 'move', id: `move-${application.id}`, 'aria-describedby': `title-${application.id}` },
      h('option', { value: '' }, 'Move to…'),
      h('optgroup', { label: 'Allowed next' },
        STATUSES.filter((s) => allowed.has(s)).map((s) => h('option', { value: s }, label(s)))),
      h('optgroup', { label: 'Others (the server will refuse)' },
        STATUSES.filter((s) => s !== application.status && !allowed.has(s)).map((s) => h('option', { value: s }, label(s)))));
    // A button, not the select's change event: arrowing through a closed select fires change on every step.
    const go = h('button', { type: 'button', class: 'move-go', id: `move-go-${application.id}` }, 'Move');
    go.addEventListener('click', () => {
      if (select.value) this.move(application.id, select.value);
    });
    const card = h('li', { class: 'card', draggable: 'true', dataset: { id: application.id, status: application.status } },
      h('p', { class: 'card-title', id: `title-${application.id}` }, h('strong', {}, application.job_title), ' at ',
        application.company_name),
      h('p', { class: 'hint' }, allowed.size ? `Can move to ${[...allowed].map(label).join(', ')}` : 'Final'),
      h('label', { class: 'visually-hidden', for: `move-${application.id}` }, `Move ${application.job_title}`),
      h('div', { class: 'move-row' }, select, go));
    card.addEventListener('dragstart', (event) => {
      event.dataTransfer.setData('application/x-atspro-application', application.id);
      event.dataTransfer.effectAllowed = 'move';
      card.classList.add('dragging');
      for (const status of allowed) this.columns.get(status)?.closest('.column').classList.add('allowed');
    });
    card.addEventListener('dragend', () => {
      card.classList.remove('dragging');
      for (const column of this.root.querySelectorAll('.column.allowed')) column.classList.remove('allowed');
    });
    return card;
  }

  /**
   * Moves the card at once (the board feels immediate), then asks the server; a refusal puts it back where it
   * was and shows the problem's detail, which names the moves that are allowed.
   */
  async move(id, status) {
    const application = this.applications.get(id);
    if (!application || application.status === status) return;
    const card = this.root.querySelector(`[data-id="${id}"]`);
    this.columns.get(status).prepend(card);
    card.setAttribute('aria-busy', 'true');
    this.counts();
    showError(this.problem, null);
    try {
      const moved = await api(`/applications/${id}/status`, { method: 'POST', json: { status } });
      this.put(moved);
      this.status.textContent = `${moved.job_title} at ${moved.company_name} moved to ${label(moved.status)}.`;
      $(`#move-${id}`)?.focus();
    } catch (error) {
      this.put(application); // back to its column, with a fresh select
      showError(this.problem, error);
      this.problem.dataset.application = id;
      $(`#move-${id}`)?.focus();
    }
  }
}
