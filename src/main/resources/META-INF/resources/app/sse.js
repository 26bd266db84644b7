// Server-Sent Events read with fetch, because the stream needs `Authorization: Bearer …` and the browser's
// EventSource cannot send headers. (A client that must use EventSource asks for a single-use ticket first,
// POST /api/v1/notifications/stream-ticket, and opens `new EventSource(stream_url)` with it, within 30 s; a
// reconnect needs a new ticket, and EventSource sends Last-Event-ID by itself.)
//
// Contract of GET /api/v1/notifications/stream (text/event-stream): each new notification is an event named
// `notification` whose `id` is the notification's `seq` and whose `data` is the notification as JSON (the same
// shape as in GET /api/v1/notifications). Comment lines (`: keep-alive`) arrive every 15 s. A pod that stops ends
// the stream with a `retry:` hint. Reconnecting with `Last-Event-ID: <last id seen>` replays what was missed.

import { accessToken, refresh } from './auth.js';

const FIRST_DELAY_MS = 1000;
const MAX_DELAY_MS = 30_000;

/**
 * Splits a text/event-stream into events, following the WHATWG parsing rules: lines end with CRLF, LF or CR;
 * `field: value` (one optional space after the colon); a blank line dispatches the event; lines starting with a
 * colon are comments. Feed it decoded chunks; it calls onEvent({type, data, id}) and onRetry(ms).
 */
export class SseParser {
  constructor(onEvent, onRetry = () => {}) {
    this.onEvent = onEvent;
    this.onRetry = onRetry;
    this.buffer = '';
    this.reset();
  }

  reset() {
    this.type = '';
    this.data = [];
    this.id = undefined;
  }

  push(chunk) {
    this.buffer += chunk;
    // a CR at the very end may be the first half of a CRLF: keep it for the next chunk
    const lines = this.buffer.split(/\r\n|\r(?!$)|\n/);
    this.buffer = lines.pop();
    for (const line of lines) this.line(line);
  }

  line(line) {
    if (line === '') {
      if (this.data.length > 0) {
        this.onEvent({ type: this.type || 'message', data: this.data.join('\n'), id: this.id });
      }
      this.reset();
      return;
    }
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') this.type = value;
    else if (field === 'data') this.data.push(value);
    else if (field === 'id' && !value.includes('\0')) this.id = value;
    else if (field === 'retry' && /^\d+$/.test(value)) this.onRetry(Number(value));
  }
}

/**
 * The user's notification stream, kept open until stop(): reconnects after an end or an error with a growing
 * delay (or the server's `retry:`), sending the last event id so nothing is lost or repeated.
 * onState(state) hears 'connecting' | 'open' | 'reconnecting' | 'stopped'.
 */
export class NotificationStream {
  constructor({ onNotification, onState = () => {} }) {
    this.onNotification = onNotification;
    this.onState = onState;
    this.lastEventId = undefined;
    this.delay = FIRST_DELAY_MS;
    this.controller = undefined;
  }

  start() {
    if (this.controller) return;
    this.controller = new AbortController();
    this.loop(this.controller.signal);
  }

  stop() {
    this.controller?.abort();
    this.controller = undefined;
    this.onState('stopped');
  }

  async loop(signal) {
    let authRetried = false;
    while (!signal.aborted) {
      this.onState(this.lastEventId === undefined ? 'connecting' : 'reconnecting');
      try {
        const headers = { Accept: 'text/event-stream', Authorization: `Bearer ${await accessToken()}` };
        if (this.lastEventId !== undefined) headers['Last-Event-ID'] = this.lastEventId;
        const response = await fetch('/api/v1/notifications/stream', { headers, signal, cache: 'no-store' });
        if (response.status === 401 && !authRetried) {
          authRetried = true;
          await refresh();
          continue;
        }
        if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
        authRetried = false;
        this.delay = FIRST_DELAY_MS;
        this.onState('open');
        await this.read(response.body, signal);
      } catch (error) {
        if (signal.aborted) return;
        // "Not signed in": the user signed out or the refresh was refused; the app stops the stream then
      }
      if (signal.aborted) return;
      await new Promise((resolve) => setTimeout(resolve, this.delay));
      this.delay = Math.min(this.delay * 2, MAX_DELAY_MS);
    }
  }

  async read(body, signal) {
    const parser = new SseParser((event) => {
      if (event.id !== undefined) this.lastEventId = event.id;
      if (event.type === 'notification') this.onNotification(JSON.parse(event.data));
    }, (retry) => {
      this.delay = retry;
    });
    const reader = body.pipeThrough(new TextDecoderStream()).getReader();
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done || signal.aborted) return;
        parser.push(value);
      }
    } finally {
      reader.releaseLock();
    }
  }
}
