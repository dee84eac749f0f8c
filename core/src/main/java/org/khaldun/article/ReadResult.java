package org.khaldun.article;

import java.util.Objects;

/**
 * What reading one input record produced: an article, or a failure that names the record and says why.
 * A failed record never stops the others from being read.
 */
public sealed interface ReadResult permits ReadResult.Ok, ReadResult.Failed {

    /** Where the record came from, precise enough for a user to find it: {@code path}, {@code path:line}. */
    String record();

    record Ok(String record, Article article) implements ReadResult {
        public Ok {
            Objects.requireNonNull(record);
            Objects.requireNonNull(article);
        }
    }

    record Failed(String record, String reason) implements ReadResult {
        public Failed {
            Objects.requireNonNull(record);
            Objects.requireNonNull(reason);
        }
    }
}
