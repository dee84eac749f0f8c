package org.khaldun.store;

/** What storing one coded article came to. */
public sealed interface IngestOutcome permits IngestOutcome.Stored, IngestOutcome.Duplicate, IngestOutcome.Failed {

    /** The input record ({@code path}, {@code path:line}, {@code path#item3}). */
    String record();

    /** Stored with its events, as article {@code seq}. */
    record Stored(String record, long seq, int events) implements IngestOutcome {
    }

    /** Already in the store (same URL, or same text when there is no URL): skipped, nothing changed. */
    record Duplicate(String record, long existingSeq, String why) implements IngestOutcome {
    }

    /** Could not be stored; nothing of it was written. */
    record Failed(String record, String reason) implements IngestOutcome {
    }
}
