import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { openToolStore } from './open-store.ts';
import { defineToolStoreContract } from './store.contract.ts';

// No Postgres server with pgvector here: PGlite's socket server speaks the real wire protocol to `pg`.
defineToolStoreContract({
  engine: 'Postgres wire protocol (pg → PGlite socket server)',
  open: async () => {
    const db = await PGlite.create({ extensions: { vector } });
    const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0 });
    await server.start();
    const url = `postgres://postgres@${server.getServerConn()}/postgres?sslmode=disable`;
    // The socket server multiplexes one PGlite session, so one connection keeps transactions apart.
    const opened = await openToolStore({ dataDir: '/nonexistent-unused', databaseUrl: url, poolSize: 1 });
    return {
      ...opened,
      close: async () => {
        await opened.close();
        await server.stop();
        await db.close();
      },
    };
  },
});
