// tests/e2e/cdp.mjs - what tests/e2e/browser.mjs drives headless Chromium with:
// a minimal WebSocket client, the DevTools protocol over it, and Chromium started
// with its DevTools port (no npm packages: node's own modules only).

import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { connect } from 'node:net';

/* --- a minimal WebSocket client (RFC 6455): text frames, client masking --- */

export class WebSocketClient {
  constructor(url) {
    this.url = new URL(url);
    this.buf = Buffer.alloc(0);
    this.fragments = [];
    this.onmessage = null;
    this.onclose = null;
  }

  open() {
    return new Promise((resolve, reject) => {
      const key = randomBytes(16).toString('base64');
      const sock = connect(Number(this.url.port), this.url.hostname);
      this.sock = sock;
      let handshake = true;
      sock.on('error', reject);
      sock.on('close', () => this.onclose && this.onclose());
      sock.on('connect', () => {
        sock.write('GET ' + this.url.pathname + ' HTTP/1.1\r\n' +
          'Host: ' + this.url.host + '\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
          'Sec-WebSocket-Key: ' + key + '\r\nSec-WebSocket-Version: 13\r\n\r\n');
      });
      sock.on('data', (chunk) => {
        this.buf = Buffer.concat([this.buf, chunk]);
        if (handshake) {
          const end = this.buf.indexOf('\r\n\r\n');
          if (end < 0) return;
          const head = this.buf.subarray(0, end).toString('latin1');
          this.buf = this.buf.subarray(end + 4);
          const accept = createHash('sha1').update(key + '258EAFA5-E914-47DA-95CA-C5AB0DC85B11').digest('base64');
          if (!/^HTTP\/1\.1 101/.test(head) || !head.includes(accept)) {
            reject(new Error('WebSocket handshake failed: ' + head.split('\r\n')[0]));
            return;
          }
          handshake = false;
          resolve();
        }
        this.parse();
      });
    });
  }

  parse() {
    for (;;) {
      if (this.buf.length < 2) return;
      const b0 = this.buf[0];
      const b1 = this.buf[1];
      let len = b1 & 0x7f;
      let off = 2;
      if (len === 126) {
        if (this.buf.length < 4) return;
        len = this.buf.readUInt16BE(2);
        off = 4;
      } else if (len === 127) {
        if (this.buf.length < 10) return;
        len = Number(this.buf.readBigUInt64BE(2));
        off = 10;
      }
      if (b1 & 0x80) off += 4; /* servers do not mask, but allow it */
      if (this.buf.length < off + len) return;
      const payload = this.buf.subarray(off, off + len);
      this.buf = this.buf.subarray(off + len);
      const opcode = b0 & 0x0f;
      if (opcode === 0x8) {
        this.sock.end();
        return;
      }
      if (opcode === 0x9) {
        this.frame(0xA, payload);
        continue;
      }
      if (opcode === 0x1 || opcode === 0x0) {
        this.fragments.push(Buffer.from(payload));
        if (b0 & 0x80) {
          const text = Buffer.concat(this.fragments).toString('utf8');
          this.fragments = [];
          if (this.onmessage) this.onmessage(text);
        }
      }
    }
  }

  frame(opcode, payload) {
    const mask = randomBytes(4);
    let head;
    if (payload.length < 126) {
      head = Buffer.from([0x80 | opcode, 0x80 | payload.length]);
    } else if (payload.length < 65536) {
      head = Buffer.alloc(4);
      head[0] = 0x80 | opcode;
      head[1] = 0x80 | 126;
      head.writeUInt16BE(payload.length, 2);
    } else {
      head = Buffer.alloc(10);
      head[0] = 0x80 | opcode;
      head[1] = 0x80 | 127;
      head.writeBigUInt64BE(BigInt(payload.length), 2);
    }
    const body = Buffer.alloc(payload.length);
    for (let i = 0; i < payload.length; i++) body[i] = payload[i] ^ mask[i % 4];
    this.sock.write(Buffer.concat([head, mask, body]));
  }

  send(text) {
    this.frame(0x1, Buffer.from(text, 'utf8'));
  }

  close() {
    try {
      this.frame(0x8, Buffer.alloc(0));
      this.sock.end();
    } catch (e) { /* already closed */ }
  }
}

/* --- the DevTools protocol --- */

export class CDP {
  constructor(ws) {
    this.ws = ws;
    this.id = 0;
    this.pending = new Map();
    this.listeners = [];
    ws.onmessage = (text) => {
      const m = JSON.parse(text);
      if (m.id && this.pending.has(m.id)) {
        const p = this.pending.get(m.id);
        this.pending.delete(m.id);
        if (m.error) p.reject(new Error(m.error.message));
        else p.resolve(m.result);
      } else if (m.method) {
        for (const l of this.listeners) l(m);
      }
    };
  }

  send(method, params = {}, sessionId = undefined) {
    const id = ++this.id;
    const msg = { id, method, params };
    if (sessionId) msg.sessionId = sessionId;
    this.ws.send(JSON.stringify(msg));
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      setTimeout(() => {
        if (this.pending.has(id)) {
          this.pending.delete(id);
          reject(new Error('timeout: ' + method));
        }
      }, 60000);
    });
  }
}

export function startChromium(chromium, profile) {
  return new Promise((resolve, reject) => {
    const proc = spawn(chromium, [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run',
      '--no-default-browser-check', '--disable-extensions', '--user-data-dir=' + profile,
      '--remote-debugging-address=127.0.0.1', '--remote-debugging-port=0',
      '--window-size=1280,900', 'about:blank'
    ], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    const timer = setTimeout(() => reject(new Error('chromium did not start:\n' + err.slice(-2000))), 30000);
    proc.stderr.on('data', (d) => {
      err += d.toString();
      const m = /DevTools listening on (ws:\/\/\S+)/.exec(err);
      if (m) {
        clearTimeout(timer);
        resolve({ proc, url: m[1] });
      }
    });
    proc.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    proc.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error('chromium exited (' + code + '):\n' + err.slice(-2000)));
    });
  });
}
