package org.khaldun.serve;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Who may do what on the workbench. Write endpoints (anything that changes the store) need the token; without a
 * configured token they are disabled, never open. Read endpoints are open, or need the same token when
 * {@code readsNeedToken}. Clients send {@code Authorization: Bearer TOKEN}.
 *
 * @param token          the shared secret, at least {@link #MIN_TOKEN_LENGTH} characters; empty: writes disabled
 * @param readsNeedToken whether reads (everything but the OpenAPI document and the static UI files) need it too
 */
public record Access(Optional<String> token, boolean readsNeedToken) {

    /** Shorter tokens are refused: a token is a password an attacker on the network may try to guess. */
    public static final int MIN_TOKEN_LENGTH = 16;

    /** Writes disabled, reads open: what {@code serve} does unless a token is configured. */
    public static final Access READ_ONLY = new Access(Optional.empty(), false);

    public Access {
        token.ifPresent(t -> {
            if (t.length() < MIN_TOKEN_LENGTH || !t.equals(t.strip())) {
                throw new IllegalArgumentException("the API token must be at least " + MIN_TOKEN_LENGTH
                        + " characters without surrounding spaces (generate one with: openssl rand -hex 32)");
            }
        });
        if (readsNeedToken && token.isEmpty()) {
            throw new IllegalArgumentException("closing reads needs a token (--token-file or KHALDUN_TOKEN)");
        }
    }

    public static Access withToken(String token, boolean readsNeedToken) {
        return new Access(Optional.of(token), readsNeedToken);
    }

    /** A fresh random token (256 bits from {@link SecureRandom}, hex). */
    public static String randomToken() {
        byte[] b = new byte[32];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    public boolean writesEnabled() {
        return token.isPresent();
    }

    /**
     * Whether an {@code Authorization} header value carries the token. The comparison takes the same time whatever
     * the header holds: both sides are hashed first (so lengths cannot leak) and compared with
     * {@link MessageDigest#isEqual}, which does not stop at the first differing byte.
     */
    boolean authorizes(String authorizationHeader) {
        if (token.isEmpty() || authorizationHeader == null) {
            return false;
        }
        String h = authorizationHeader.strip();
        String given = h.regionMatches(true, 0, "Bearer ", 0, 7) ? h.substring(7).strip() : "";
        return MessageDigest.isEqual(sha256(given), sha256(token.get()));
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
