package org.khaldun.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The tables. Typed columns carry what queries filter, sort and export on; {@code events.json} carries the full
 * canonical event, so a field added to the event schema is stored before it gets a column of its own (add the
 * column here with {@code ALTER TABLE … ADD COLUMN IF NOT EXISTS}, fill it from the JSON, bump {@link #VERSION}).
 */
final class Schema {

    static final int VERSION = 1;

    private Schema() {
    }

    static void create(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS store_meta (key VARCHAR PRIMARY KEY, value VARCHAR)");
            s.execute("""
                    CREATE TABLE IF NOT EXISTS articles (
                      seq BIGINT PRIMARY KEY,
                      id VARCHAR NOT NULL,
                      url VARCHAR NOT NULL,
                      title VARCHAR NOT NULL,
                      published DATE,
                      source VARCHAR NOT NULL,
                      text VARCHAR NOT NULL,
                      content_hash VARCHAR NOT NULL,
                      dedup_key VARCHAR NOT NULL UNIQUE,
                      codebook VARCHAR NOT NULL,
                      record VARCHAR NOT NULL,
                      ingested_at TIMESTAMP NOT NULL,
                      num_events INTEGER NOT NULL)""");
            s.execute("""
                    CREATE TABLE IF NOT EXISTS sentences (
                      article_seq BIGINT NOT NULL,
                      idx INTEGER NOT NULL,
                      start_char INTEGER NOT NULL,
                      end_char INTEGER NOT NULL,
                      text VARCHAR NOT NULL)""");
            s.execute("""
                    CREATE TABLE IF NOT EXISTS events (
                      seq BIGINT NOT NULL,
                      id VARCHAR NOT NULL,
                      article_seq BIGINT NOT NULL,
                      article_id VARCHAR NOT NULL,
                      sentence_index INTEGER NOT NULL,
                      sent_key BIGINT NOT NULL,
                      date DATE NOT NULL,
                      date_precision VARCHAR NOT NULL,
                      date_from_publication BOOLEAN NOT NULL,
                      published DATE,
                      actor_code VARCHAR NOT NULL,
                      actor_country VARCHAR NOT NULL,
                      actor_sector VARCHAR NOT NULL,
                      actor_text VARCHAR NOT NULL,
                      actor_codes VARCHAR NOT NULL,
                      actor_n INTEGER NOT NULL,
                      recipient_code VARCHAR NOT NULL,
                      recipient_country VARCHAR NOT NULL,
                      recipient_sector VARCHAR NOT NULL,
                      recipient_text VARCHAR NOT NULL,
                      recipient_codes VARCHAR NOT NULL,
                      recipient_n INTEGER NOT NULL,
                      event_type VARCHAR NOT NULL,
                      mode VARCHAR NOT NULL,
                      cameo_code VARCHAR NOT NULL,
                      cameo_root VARCHAR NOT NULL,
                      quad_class INTEGER NOT NULL,
                      goldstein DOUBLE NOT NULL,
                      negated BOOLEAN NOT NULL,
                      hypothetical BOOLEAN NOT NULL,
                      future BOOLEAN NOT NULL,
                      fact BOOLEAN NOT NULL,
                      trigger VARCHAR NOT NULL,
                      trigger_start INTEGER NOT NULL,
                      source_kind VARCHAR NOT NULL,
                      loc_name VARCHAR,
                      loc_country VARCHAR,
                      loc_admin1 VARCHAR,
                      loc_lat DOUBLE,
                      loc_lon DOUBLE,
                      loc_geonames BIGINT,
                      codebook VARCHAR NOT NULL,
                      cluster_id BIGINT NOT NULL,
                      cluster_key VARCHAR NOT NULL,
                      json VARCHAR NOT NULL)""");
            s.execute("""
                    CREATE TABLE IF NOT EXISTS clusters (
                      cluster_id BIGINT NOT NULL,
                      cluster_key VARCHAR NOT NULL,
                      anchor_date DATE NOT NULL,
                      anchor_precision VARCHAR NOT NULL,
                      anchor_from_publication BOOLEAN NOT NULL,
                      date DATE NOT NULL,
                      date_precision VARCHAR NOT NULL,
                      actor_code VARCHAR NOT NULL,
                      actor_country VARCHAR NOT NULL,
                      actor_sector VARCHAR NOT NULL,
                      actor_text VARCHAR NOT NULL,
                      recipient_code VARCHAR NOT NULL,
                      recipient_country VARCHAR NOT NULL,
                      recipient_sector VARCHAR NOT NULL,
                      recipient_text VARCHAR NOT NULL,
                      event_type VARCHAR NOT NULL,
                      mode VARCHAR NOT NULL,
                      cameo_code VARCHAR NOT NULL,
                      cameo_root VARCHAR NOT NULL,
                      quad_class INTEGER NOT NULL,
                      goldstein DOUBLE NOT NULL,
                      fact BOOLEAN NOT NULL,
                      loc_name VARCHAR,
                      loc_country VARCHAR,
                      loc_admin1 VARCHAR,
                      loc_lat DOUBLE,
                      loc_lon DOUBLE,
                      loc_geonames BIGINT,
                      num_mentions INTEGER NOT NULL,
                      num_sources INTEGER NOT NULL,
                      num_articles INTEGER NOT NULL,
                      first_seen TIMESTAMP NOT NULL,
                      first_published DATE,
                      rep_event_seq BIGINT NOT NULL,
                      rep_article_seq BIGINT NOT NULL,
                      rep_sentence_index INTEGER NOT NULL,
                      source_url VARCHAR NOT NULL,
                      codebook VARCHAR NOT NULL)""");
            s.execute("INSERT INTO store_meta VALUES ('schema_version', '" + VERSION + "') ON CONFLICT DO NOTHING");
            // counts committed recodes, so that an event index that missed one (EventIndex) is rebuilt on open
            s.execute("INSERT INTO store_meta VALUES ('recode_epoch', '0') ON CONFLICT DO NOTHING");
            // stores written before the column was filled: take source.kind from the stored event JSON (the
            // canonical JSON writes it as its first field; "article" when the reporter speaks)
            s.execute("""
                    UPDATE events SET source_kind = coalesce(nullif(
                        regexp_extract(json, '"source":\\{"kind":"([a-z]+)"', 1), ''), 'article')
                    WHERE source_kind = ''""");
        }
    }
}
