import { createConnection, createServer, type Server, type Socket } from 'node:net';

/**
 * A TCP relay in front of the test server's gRPC port: what the client calls
 * "the server". Cutting its sockets is a dropped connection at the wire (the
 * client sees the HTTP/2 session die, as when a node goes away), which no
 * gRPC status sent on purpose could imitate.
 */
export class WireProxy {
  private constructor(
    private readonly server: Server,
    private readonly sockets: Set<Socket>,
    readonly port: number,
  ) {}

  static async start(host: string, port: number, target: number): Promise<WireProxy> {
    const sockets = new Set<Socket>();
    const server = createServer((client) => {
      const upstream = createConnection({ host: '127.0.0.1', port: target });
      for (const socket of [client, upstream]) {
        sockets.add(socket);
        socket.setNoDelay(true);
        // Either side ending or failing ends both: errors here are the drops themselves.
        socket.on('error', () => undefined);
        socket.on('close', () => {
          sockets.delete(socket);
          client.destroy();
          upstream.destroy();
        });
      }
      client.pipe(upstream);
      upstream.pipe(client);
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve());
    });
    const address = server.address();
    return new WireProxy(server, sockets, typeof address === 'object' && address ? address.port : port);
  }

  /** Cuts every open connection now; new ones are accepted as before. */
  drop(): number {
    const count = this.sockets.size;
    for (const socket of [...this.sockets]) socket.destroy();
    return count;
  }

  async close(): Promise<void> {
    this.drop();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
