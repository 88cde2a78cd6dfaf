import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Redis } from 'ioredis';

/**
 * Upstash's REST protocol in front of a real redis-server, for `@upstash/redis` clients in tests: `POST /`
 * runs one command (`["GET","k"]`), `POST /pipeline` several in one request; replies are `{ result }` or
 * `{ error }`, strings base64-encoded when the client asks (`Upstash-Encoding: base64`, its default); a
 * failed single command is an HTTP 400, as Upstash answers. Every request is one round trip, counted.
 */
export interface UpstashRest {
  url: string;
  token: string;
  requests(): number;
  close(): Promise<void>;
}

export async function startUpstashRest(redisPort: number): Promise<UpstashRest> {
  const redis = new Redis({ port: redisPort, host: '127.0.0.1', lazyConnect: true });
  await redis.connect();
  const token = 'test-token';
  let requests = 0;
  const run = async (command: unknown[]) => {
    try {
      const [name, ...args] = command.map(String);
      return { result: await redis.call(name!, ...args) };
    } catch (error) {
      return { error: (error as Error).message };
    }
  };
  const server = createServer((req, res) => {
    void (async () => {
      requests++;
      const body = JSON.parse(await readBody(req)) as unknown[];
      const base64 = req.headers['upstash-encoding'] === 'base64';
      const send = (status: number, value: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(value));
      };
      if (req.headers.authorization !== `Bearer ${token}`) return send(401, { error: 'Unauthorized' });
      if (req.url === '/pipeline') {
        const replies = [];
        for (const command of body as unknown[][]) replies.push(encode(await run(command), base64));
        return send(200, replies);
      }
      const reply = await run(body);
      return send('error' in reply ? 400 : 200, encode(reply, base64));
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    token,
    requests: () => requests,
    close: async () => {
      await new Promise((resolve) => server.close(resolve));
      redis.disconnect();
    },
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = '';
    req.on('data', (chunk: Buffer) => (data += chunk.toString('utf8')));
    req.on('end', () => resolve(data));
    req.on('error', reject);
  });
}

function encode(reply: { result?: unknown; error?: string }, base64: boolean): object {
  if (!base64 || !('result' in reply)) return reply;
  const walk = (value: unknown): unknown =>
    typeof value === 'string' ? Buffer.from(value).toString('base64') : Array.isArray(value) ? value.map(walk) : value;
  return { result: walk(reply.result) };
}
