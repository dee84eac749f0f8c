package org.khaldun.store;

import java.util.Objects;
import org.khaldun.pipeline.CodedArticle;

/** A coded article to store, with the input record it came from (named in outcomes and kept on the article). */
public record IngestItem(String record, CodedArticle coded) {
    public IngestItem {
        Objects.requireNonNull(record);
        Objects.requireNonNull(coded);
    }
}
