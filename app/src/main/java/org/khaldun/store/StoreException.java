package org.khaldun.store;

/** The database failed (file locked by another process, disk full, corrupt file); the message says which. */
public final class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
