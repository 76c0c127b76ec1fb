/**
 * HTTP/1.1 over a bare socket, for what fetch will not send: malformed
 * URLs, oversized headers, a body shorter than its Content-Length.
 */
import net from 'node:net';

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** From the first byte sent to the connection's close. */
  ms: number;
}

/** Send `text` as it is, then read until the server closes the connection. */
export function rawRequest(baseUrl: string, text: string, timeoutMs = 15_000): Promise<RawResponse> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = net.connect({ host: hostname, port: Number(port) });
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no close within ${timeoutMs} ms; got: ${Buffer.concat(chunks).toString('utf8').slice(0, 300)}`));
    }, timeoutMs);
    socket.on('connect', () => socket.write(text));
    socket.on('data', (c) => chunks.push(c));
    socket.on('error', () => undefined); // a reset after the response is fine
    socket.on('close', () => {
      clearTimeout(timer);
      const received = Buffer.concat(chunks).toString('utf8');
      const [headText = '', ...rest] = received.split('\r\n\r\n');
      const [statusLine = '', ...headerLines] = headText.split('\r\n');
      const headers: Record<string, string> = {};
      for (const line of headerLines) {
        const i = line.indexOf(':');
        if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
      }
      resolve({ status: Number(statusLine.split(' ')[1] ?? 0), headers, body: rest.join('\r\n\r\n'), ms: Date.now() - started });
    });
  });
}
