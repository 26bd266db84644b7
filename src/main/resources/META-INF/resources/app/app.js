// The ATSPro reference web client: every feature is one small function over one or two API calls.
// Field names are the API's (snake_case); see the README's route table for the whole API.

import * as auth from './auth.js';
import { api, poll } from './api.js';
import { Board } from './board.js';
import { $, busy, formatDate, h, showError } from './dom.js';
import { NotificationStream } from './sse.js';

const say = (message) => { $('#app-status').textContent = message; };

let board;
let stream;
let unread = 0;
const shownNotifications = new Set();

// --- signed in / signed out -----------------------------------------------------------------------------------

function render(signedIn) {
  $('#workspace').hidden = !signedIn;
  $('#sections').hidden = !signedIn;
  $('#signed-out').hidden = signedIn;
  $('#sign-in').hidden = signedIn;
  $('#sign-out').hidden = !signedIn;
  const claims = auth.user();
  $('#user-name').textContent = signedIn ? (claims?.name || claims?.preferred_username || claims?.email || '') : '';
  document.body.dataset.state = signedIn ? 'signed-in' : 'signed-out';
}

async function enterWorkspace() {
  render(true);
  say(`Signed in as ${$('#user-name').textContent}.`);
  board ??= new Board($('#board-columns'), { problem: $('#board-problem'), status: $('#board-status') });
  await Promise.all([
    board.load().catch((e) => showError($('#board-problem'), e)),
    loadNotifications().catch((e) => showError($('#notifications-error'), e)),
    loadCalendar().catch((e) => showError($('#calendar-error'), e)),
    latestExport().catch(() => {}),
    latestResume().catch(() => {}),
  ]);
  startStream();
}

function leaveWorkspace() {
  stream?.stop();
  stream = undefined;
  render(false);
}

// --- resume upload → parse -----------------------------------------------------------------------------------

/**
 * POST /resumes as multipart/form-data with the part `file` (and an optional `title`): 202 with the resume in
 * status `pending` and its `task_id`. A background task parses it; GET /resumes/{id} shows `parsing`, then
 * `parsed` (with `resume_data` and `parse_warnings`) or `failed` (with `error_message`).
 */
// set once the user uploads: the latest resume read at sign-in must not replace the upload's own
let uploading = false;

async function uploadResume(event) {
  event.preventDefault();
  const file = $('#resume-file').files[0];
  if (!file) return;
  uploading = true;
  await busy($('#resume-upload'), $('#resume-error'), async () => {
    const form = new FormData();
    form.append('file', file, file.name);
    const title = $('#resume-title').value.trim();
    if (title) form.append('title', title);
    const created = await api('/resumes', { method: 'POST', body: form });
    showResume(created);
    const resume = await poll(`/resumes/${created.id}`, (r) => r.status === 'parsed' || r.status === 'failed',
      { interval: 1000, timeout: 180_000 });
    showResume(resume);
    say(resume.status === 'parsed' ? 'Your resume was read; check what was found below.' : 'Your resume could not be read.');
  });
}

async function latestResume() {
  const page = await api('/resumes?size=1');
  if (page.items.length > 0 && !uploading) showResume(page.items[0]);
}

function showResume(resume) {
  const data = resume.resume_data || {};
  const contact = data.contact_info || {};
  const count = (list) => (Array.isArray(list) ? list.length : 0);
  const warnings = resume.parse_warnings || [];
  $('#resume-result').replaceChildren(h('article', { class: 'card-like', dataset: { status: resume.status, id: resume.id } },
    h('h3', {}, resume.title || 'Untitled resume'),
    h('p', {}, 'Status: ', h('strong', { id: 'resume-status' }, resume.status),
      resume.status === 'pending' || resume.status === 'parsing' ? ' (reading the file…)' : ''),
    resume.error_message ? h('p', { class: 'problem-inline' }, resume.error_message) : null,
    resume.status === 'parsed' ? h('dl', { class: 'facts', id: 'resume-parsed' },
      h('dt', {}, 'Name'), h('dd', { id: 'resume-name' }, contact.full_name || '(not found)'),
      h('dt', {}, 'Email'), h('dd', {}, contact.email || '(not found)'),
      h('dt', {}, 'Work entries'), h('dd', { id: 'resume-work-count' }, String(count(data.work_experience))),
      h('dt', {}, 'Education entries'), h('dd', {}, String(count(data.education))),
      h('dt', {}, 'Skills'), h('dd', {}, String(count(data.skills)))) : null,
    resume.status === 'parsed' ? h('div', { id: 'resume-warnings' },
      h('h4', {}, warnings.length ? 'Please check' : 'No parse warnings'),
      warnings.length ? h('ul', {}, warnings.map((w) => h('li', {}, w))) : null) : null));
}

// --- jobs and applications ------------------------------------------------------------------------------------

/**
 * POST /jobs {url}: 202 with the job `pending`; a task fetches the page (http/https, public addresses only) and
 * reads it into `parsed_data` {title, company, …}, ending `completed` or `failed` (`error_message`).
 * POST /applications {job_id} then creates an application (status `saved`) from that job.
 */
async function addJob(event) {
  event.preventDefault();
  await busy($('#job-add'), $('#job-error'), async () => {
    const created = await api('/jobs', { method: 'POST', json: { url: $('#job-url').value.trim() } });
    showJob(created);
    const job = created.status === 'completed' ? created
      : await poll(`/jobs/${created.id}`, (j) => j.status === 'completed' || j.status === 'failed');
    showJob(job);
  });
}

function showJob(job) {
  const details = job.parsed_data || {};
  const apply = h('button', { type: 'button', id: 'job-apply' }, 'Create an application for this job');
  apply.addEventListener('click', () => busy(apply, $('#job-error'), async () => {
    const application = await api('/applications', { method: 'POST', json: { job_id: job.id } });
    board.put(application);
    say(`Application to ${application.company_name} created; it is in the “saved” column.`);
    apply.hidden = true;
  }));
  $('#job-result').replaceChildren(h('article', { class: 'card-like', dataset: { status: job.status } },
    h('p', {}, 'Status: ', h('strong', { id: 'job-status' }, job.status)),
    details.title ? h('p', {}, h('strong', { id: 'job-title' }, details.title), details.company ? ` at ${details.company}` : '') : null,
    job.error_message ? h('p', { class: 'problem-inline' }, job.error_message) : null,
    job.status === 'completed' ? apply : null));
}

// --- catalog search and recommendations ---------------------------------------------------------------------

function salary(p) {
  if (p.salary_min == null && p.salary_max == null) return '';
  return ` · ${[p.salary_min, p.salary_max].filter((v) => v != null).join('–')} ${p.salary_currency || ''}`;
}

function postingItem(p, extra) {
  return h('li', { class: 'posting' },
    h('p', {}, h('strong', {}, p.title), ` — ${p.company_name || 'unknown company'}`),
    h('p', { class: 'muted' }, [p.location, p.work_arrangement, p.employment_type].filter(Boolean).join(' · '), salary(p)),
    extra,
    p.apply_url ? h('a', { href: p.apply_url, rel: 'noopener noreferrer', target: '_blank' }, 'Posting on its board') : null);
}

/** GET /postings?q= : {items, next_cursor, fuzzy, did_you_mean, mode}; fuzzy means "nothing matched: similar ones". */
async function search(event) {
  event.preventDefault();
  await busy($('#search-go'), $('#search-error'), async () => {
    const q = $('#search-q').value.trim();
    const result = await api(`/postings?${new URLSearchParams({ q, limit: '20' })}`);
    $('#search-results').replaceChildren(
      h('p', { id: 'search-summary' }, result.items.length
        ? `${result.items.length}${result.next_cursor ? '+' : ''} postings${result.fuzzy ? ' (nothing matched exactly: similar ones)' : ''}`
        : 'No postings match.'),
      h('ul', { class: 'postings' }, result.items.map((p) => postingItem(p))));
  });
}

/**
 * GET /recommendations: {items: [{posting, score, reasons}], based_on, …}. `reasons` says why: similarity,
 * matched_skills / missing_skills, preferences_met / preferences_missed, level, posted_days_ago.
 * 409 when the service runs without its embedding model.
 */
async function recommend() {
  await busy($('#recommend-go'), $('#recommend-error'), async () => {
    const page = await api('/recommendations?limit=10');
    const reasons = (r) => h('ul', { class: 'reasons' },
      h('li', {}, `similarity ${Math.round(r.similarity * 100)}%`),
      r.matched_skills.length ? h('li', {}, `your skills: ${r.matched_skills.join(', ')}`) : null,
      r.missing_skills.length ? h('li', {}, `skills you lack: ${r.missing_skills.join(', ')}`) : null,
      r.preferences_met.length ? h('li', {}, `matches: ${r.preferences_met.join(', ')}`) : null,
      r.preferences_missed.length ? h('li', {}, `misses: ${r.preferences_missed.join(', ')}`) : null,
      r.level ? h('li', {}, `level: ${r.level}`) : null,
      h('li', {}, `posted ${r.posted_days_ago} days ago`));
    $('#recommend-results').replaceChildren(
      h('p', {}, page.based_on === 'nothing' ? 'Upload a resume or fill in your profile to get recommendations.'
        : `Based on your ${page.based_on}; ${page.items.length} postings.`),
      h('ul', { class: 'postings' }, page.items.map((item) =>
        postingItem(item.posting, [h('p', {}, `Score ${Math.round(item.score * 100)} / 100`), reasons(item.reasons)]))));
  });
}

// --- notifications --------------------------------------------------------------------------------------------

function setUnread(count) {
  unread = Math.max(0, count);
  $('#unread-count').textContent = `${unread} unread`;
  $('#unread-badge').textContent = String(unread);
}

function notificationItem(n) {
  const item = h('li', { class: n.is_read ? 'notification' : 'notification unread', dataset: { id: n.id, type: n.type } },
    h('p', {}, h('strong', {}, n.title), n.priority === 'high' || n.priority === 'urgent' ? ` (${n.priority})` : ''),
    h('p', {}, n.message),
    h('p', { class: 'muted' }, h('time', { datetime: n.created_at }, formatDate(n.created_at))));
  if (!n.is_read) {
    const read = h('button', { type: 'button', class: 'link' }, 'Mark read');
    read.addEventListener('click', () => busy(read, $('#notifications-error'), async () => {
      await api(`/notifications/${n.id}/read`, { method: 'POST' });
      item.classList.remove('unread');
      read.remove();
      setUnread(unread - 1);
    }));
    item.append(read);
  }
  return item;
}

/** GET /notifications: newest first, {items, page, size, total, unread_count}. */
async function loadNotifications() {
  const listing = await api('/notifications?size=20');
  shownNotifications.clear();
  $('#notification-list').replaceChildren(...listing.items.map((n) => {
    shownNotifications.add(n.id);
    return notificationItem(n);
  }));
  setUnread(listing.unread_count);
}

function startStream() {
  stream?.stop();
  stream = new NotificationStream({
    onNotification(n) {
      if (shownNotifications.has(n.id)) return; // a replay after reconnecting may repeat what the list showed
      shownNotifications.add(n.id);
      $('#notification-list').prepend(notificationItem(n));
      if (!n.is_read) setUnread(unread + 1);
    },
    onState(state) {
      $('#stream-state').textContent = { connecting: 'connecting…', open: 'live', reconnecting: 'reconnecting…',
        stopped: 'live updates off' }[state];
      $('#stream-state').dataset.state = state;
    },
  });
  stream.start();
}

async function readAll() {
  await busy($('#read-all'), $('#notifications-error'), async () => {
    await api('/notifications/read-all', { method: 'POST' });
    await loadNotifications();
  });
}

// --- calendar feed, export, erasure ---------------------------------------------------------------------------

/** GET /me/calendar-feed: {active, created_at, rotated_at, url: null}; the URL is only in POST's answer. */
async function loadCalendar() {
  const feed = await api('/me/calendar-feed');
  $('#calendar-state').textContent = feed.active
    ? `You have a calendar address (created ${formatDate(feed.rotated_at || feed.created_at)}).`
    : 'You have no calendar address yet.';
  $('#calendar-create').textContent = feed.active ? 'Replace the calendar address' : 'Create a calendar address';
}

async function createCalendar() {
  await busy($('#calendar-create'), $('#calendar-error'), async () => {
    const feed = await api('/me/calendar-feed', { method: 'POST' });
    $('#calendar-url').value = feed.url;
    $('#calendar-url-field').hidden = false;
    $('#calendar-url').focus();
    $('#calendar-url').select();
    await loadCalendar();
  });
}

/**
 * POST /me/export: 202, a task writes the zip (409 while one is pending). GET /me/export: the newest export's
 * status (`pending`, `completed`, `failed`, `expired`), and once completed a `download_url` valid 5 minutes:
 * ask again for a fresh one rather than keeping it.
 */
async function startExport() {
  await busy($('#export-start'), $('#export-error'), async () => {
    showExport(await api('/me/export', { method: 'POST' }));
    showExport(await poll('/me/export', (e) => e.status !== 'pending', { interval: 1500, timeout: 300_000 }));
  });
}

async function latestExport() {
  try {
    showExport(await api('/me/export'));
  } catch {
    // 404: no export yet
  }
}

function showExport(exported) {
  const state = $('#export-state');
  state.replaceChildren(`Export: ${exported.status}`,
    exported.status === 'completed' && exported.download_url
      ? [' — ', h('a', { href: exported.download_url, id: 'export-link', download: '' }, 'Download the zip'),
        ` (${Math.round((exported.size_bytes || 0) / 1024)} KB; the link works for 5 minutes)`] : '',
    exported.error_message ? ` — ${exported.error_message}` : '');
}

/** DELETE /me with {"confirm": "DELETE MY ACCOUNT"}: the server checks the phrase too (400 otherwise). */
async function deleteAccount(event) {
  event.preventDefault();
  await busy($('#delete-go'), $('#delete-error'), async () => {
    await api('/me', { method: 'DELETE', json: { confirm: $('#delete-confirm').value } });
    say('Your account was deleted. Signing you out…');
    auth.signOut();
  });
}

// --- start ----------------------------------------------------------------------------------------------------

function wire() {
  for (const button of [$('#sign-in'), $('#sign-in-main')]) {
    button.addEventListener('click', () => auth.signIn().catch((e) => showError($('#app-error'), e)));
  }
  $('#sign-out').addEventListener('click', () => auth.signOut());
  $('#resume-form').addEventListener('submit', uploadResume);
  $('#job-form').addEventListener('submit', addJob);
  $('#search-form').addEventListener('submit', search);
  $('#recommend-go').addEventListener('click', recommend);
  $('#read-all').addEventListener('click', readAll);
  $('#calendar-create').addEventListener('click', createCalendar);
  $('#export-start').addEventListener('click', startExport);
  $('#delete-form').addEventListener('submit', deleteAccount);
  auth.onChange((signedIn) => {
    if (!signedIn) leaveWorkspace();
    else render(true); // a refresh may bring new claims
  });
}

async function main() {
  wire();
  try {
    await auth.init();
    await auth.completeSignIn();
  } catch (error) {
    showError($('#app-error'), error);
  }
  if (auth.signedIn()) await enterWorkspace();
  else render(false);
  document.body.dataset.ready = 'true';
}

main();
