// `npm run bench`: the record's speed figures of issue 3, printed, measured in one run.
//   1. Append throughput in batches of 1,000 events against the bare cost of the same number of
//      SHA-256 leaf + node hashes (target: ratio >= 0.5).
//   2. Inclusion and consistency proof generation on a 1,000,000-entry log (target: p50 <= 1 ms).
//   3. `truce record verify` of that log (target: <= 30 s).
import { randomUUID } from 'node:crypto';
import { v7 as timeOrderedId } from 'uuid';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hashChildren, hashLeaf } from '../src/core/record/hash.js';
import { encodeEntry } from '../src/core/record/entry.js';
import { stampEvents, type EventBody } from '../src/core/events.js';
import { createServices } from '../src/services.js';
import { record } from '../src/store/record.js';
import { inTransaction } from '../src/store/transactions.js';
import { appendEntries } from '../src/store/record-log.js';
import { percentile } from './percentile.js';

const LOG_SIZE = Number(process.env['BENCH_LOG_SIZE'] ?? 1_000_000);
const APPEND_EVENTS = 100_000;
const BATCH = 1000;
const ROUNDS = 3;
const WARM_UP_EVENTS = 5000;

const events = (n: number) =>
  stampEvents(
    Array.from({ length: n }, (): EventBody => ({
      type: 'user.password_set',
      payload: { userId: randomUUID() },
    })),
    { at: new Date().toISOString(), by: 'system:bench', newId: timeOrderedId },
  );

const ms = (n: number) => `${n.toFixed(3)} ms`;

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'truce-bench-'));
  console.log(`Truce record benchmark (Node ${process.version}, SQLite in ${dir})\n`);
  try {
    // 1. Append throughput versus bare hashing. Both are warmed up (JIT) first, then measured
    // in alternating rounds, each append into a fresh database; the medians are compared, so
    // that a burst of other work on the machine moves neither figure much.
    const sample = events(APPEND_EVENTS);
    const bytes = sample.map(encodeEntry);
    const bareHashing = (entries: readonly Uint8Array[]) => {
      let previous = hashLeaf(new Uint8Array(0));
      for (const entry of entries) previous = hashChildren(previous, hashLeaf(entry));
      return previous;
    };
    /** Appends every event in batches into a new database; returns the seconds it took. */
    const appendAll = async (path: string, all: typeof sample) => {
      const appendStore = await createServices(`sqlite:${path}`);
      try {
        const start = performance.now();
        for (let i = 0; i < all.length; i += BATCH) {
          await inTransaction(appendStore.store.db, (tx) => record(tx, all.slice(i, i + BATCH)));
        }
        return (performance.now() - start) / 1000;
      } finally {
        await appendStore.close();
      }
    };
    bareHashing(bytes.slice(0, WARM_UP_EVENTS));
    await appendAll(join(dir, 'warm-up.db'), events(WARM_UP_EVENTS));
    const hashTimes: number[] = [];
    const appendTimes: number[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      const t = performance.now();
      bareHashing(bytes);
      hashTimes.push((performance.now() - t) / 1000);
      appendTimes.push(await appendAll(join(dir, `append-${round}.db`), sample));
    }
    const hashSeconds = percentile(hashTimes, 0.5);
    const appendSeconds = percentile(appendTimes, 0.5);
    const hashRate = APPEND_EVENTS / hashSeconds;
    const appendRate = APPEND_EVENTS / appendSeconds;
    console.log(
      `1. Append in batches of 1,000 (record(): entries, tiles, projections; synchronous=FULL; median of ${ROUNDS} rounds)`,
    );
    console.log(
      `   bare SHA-256 leaf+node hashes: ${Math.round(hashRate).toLocaleString('en')} events/s`,
    );
    console.log(
      `   append:                        ${Math.round(appendRate).toLocaleString('en')} events/s`,
    );
    console.log(
      `   ratio append/bare:             ${(appendRate / hashRate).toFixed(2)} (target >= 0.5)\n`,
    );

    // 2. Proofs on a large log.
    const services = await createServices(`sqlite:${join(dir, 'large.db')}`);
    let t = performance.now();
    const chunk = 10_000;
    for (let at = 0; at < LOG_SIZE; at += chunk) {
      const batch = events(Math.min(chunk, LOG_SIZE - at)).map((event) => ({
        eventId: event.id,
        type: event.type,
        bytes: encodeEntry(event),
      }));
      await inTransaction(services.store.db, (tx) => appendEntries(tx, batch, false));
    }
    await services.record.signCheckpoint();
    console.log(
      `2. Proofs on a ${LOG_SIZE.toLocaleString('en')}-entry log (built in ${((performance.now() - t) / 1000).toFixed(1)} s)`,
    );
    const inclusion: number[] = [];
    const consistency: number[] = [];
    for (let i = 0; i < 2000; i += 1) {
      const index = Math.floor(Math.random() * LOG_SIZE);
      t = performance.now();
      await services.record.inclusionProof(index, LOG_SIZE);
      inclusion.push(performance.now() - t);
      const from = 1 + Math.floor(Math.random() * (LOG_SIZE - 1));
      t = performance.now();
      await services.record.consistencyProof(from, LOG_SIZE);
      consistency.push(performance.now() - t);
    }
    console.log(
      `   inclusion proof:   p50 ${ms(percentile(inclusion, 0.5))}, p99 ${ms(percentile(inclusion, 0.99))} (target p50 <= 1 ms)`,
    );
    console.log(
      `   consistency proof: p50 ${ms(percentile(consistency, 0.5))}, p99 ${ms(percentile(consistency, 0.99))} (target p50 <= 1 ms)\n`,
    );

    // 3. Full local verification.
    t = performance.now();
    const report = await services.record.audit();
    const verifySeconds = (performance.now() - t) / 1000;
    console.log(
      `3. record verify of ${report.size.toLocaleString('en')} entries: ${verifySeconds.toFixed(1)} s (target <= 30 s); problems: ${report.problems.length === 0 ? 'none' : report.problems[0]}`,
    );
    await services.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
