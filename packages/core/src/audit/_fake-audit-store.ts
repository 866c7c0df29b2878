/**
 * Test helper, not exported: the audit methods of the storage port over two plain arrays that a
 * test may tamper with directly. `auditEvents` streams the array in its current order, so a
 * reordering of the array reaches the verifier as a store returning events out of order would.
 */
import { JincaiError } from "../errors/jincai-error";
import type { AuditCheckpoint, AuditEvent } from "./audit-event";
import type { AuditStore } from "./audit-store";

/** A fake audit store with its arrays exposed. */
export interface FakeAuditStore extends AuditStore {
  /** The stored events, in stream order. */
  events: AuditEvent[];
  /** The stored checkpoints. */
  checkpoints: AuditCheckpoint[];
}

/** Creates an empty fake audit store. */
export function createFakeAuditStore(): FakeAuditStore {
  const fake: FakeAuditStore = {
    events: [],
    checkpoints: [],
    lastAuditEvent: async () => fake.events[fake.events.length - 1],
    appendAuditEvent: async (event) => {
      const expected = fake.events.length + 1;
      if (event.sequence !== expected) {
        throw new JincaiError("AUDIT_SEQUENCE_CONFLICT", `expected sequence ${expected}`);
      }
      fake.events.push(event);
    },
    auditEvents: async function* (fromSequence = 1) {
      for (const event of fake.events) if (event.sequence >= fromSequence) yield event;
    },
    putAuditCheckpoint: async (checkpoint) => {
      fake.checkpoints.push(checkpoint);
    },
    auditCheckpoints: async () => fake.checkpoints.slice(),
  };
  return fake;
}
