import { spawn, spawnSync } from 'node:child_process';
import net from 'node:net';

/**
 * Whether redis-server is installed: `npm test` installs it (scripts/ensure-redis.sh) where it can, and the
 * proofs that need it are skipped without it outside CI, and fail in CI.
 */
export const hasRedisServer = (): boolean => spawnSync('redis-server', ['--version']).status === 0;

/** A throwaway redis-server on a free loopback port, without persistence. */
export async function startRedisServer(): Promise<{ port: number; url: string; stop(): void }> {
  const port = await new Promise<number>((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port: free } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(free));
    });
  });
  const server = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: 'ignore',
  });
  return { port, url: `redis://127.0.0.1:${port}`, stop: () => void server.kill() };
}
